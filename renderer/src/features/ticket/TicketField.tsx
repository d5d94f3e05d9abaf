// A labelled text input of the order ticket.
type TicketFieldProps = {
  id: string;
  label: string;
  testId: string;
  value: string;
  placeholder?: string;
  inputMode?: 'numeric' | 'decimal';
  wide?: boolean;
  onChange: (value: string) => void;
};

export function TicketField(props: TicketFieldProps) {
  const { id, label, testId, value, placeholder, inputMode = 'decimal', wide = false, onChange } = props;
  return (
    <div className={wide ? 'field field-wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        className="num"
        inputMode={inputMode}
        autoComplete="off"
        spellCheck={false}
        data-testid={testId}
        value={value}
        placeholder={placeholder}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </div>
  );
}
