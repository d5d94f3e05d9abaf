// A labelled text input of the order ticket.
import { NumberInput } from '../../components/NumberInput';

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
      <NumberInput
        id={id}
        inputMode={inputMode}
        testId={testId}
        value={value}
        placeholder={placeholder}
        onChange={onChange}
      />
    </div>
  );
}
