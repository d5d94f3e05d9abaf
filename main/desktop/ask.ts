// Native questions that leave the event loop running: the risk engine lives in this process, so a modal box that
// blocked it (showMessageBoxSync) would stop the guard while the trader reads the question.
import { dialog } from 'electron';

export type Question = {
  message: string;
  detail: string;
  /** The button that says yes; the other is Cancel (Escape). */
  yes: string;
  /** Whether Enter means yes (a deliberate action the trader started) or Cancel (a way out of protection). */
  enterMeansYes: boolean;
};

/** True when the trader picked the yes button. */
export async function askNatively(question: Question): Promise<boolean> {
  const answer = await dialog.showMessageBox({
    type: 'warning',
    message: question.message,
    detail: question.detail,
    buttons: [question.yes, 'Cancel'],
    defaultId: question.enterMeansYes ? 0 : 1,
    cancelId: 1,
    noLink: true,
  });
  return answer.response === 0;
}
