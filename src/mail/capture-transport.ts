/**
 * A nodemailer transport that renders each message to a Buffer instead of sending it: the capture outbox's engine.
 * Unlike nodemailer's stream transport, it drops the Bcc header and ends every line with CRLF, so the bytes are
 * those an SMTP server would get (DKIM signature included, when the mailer signs).
 */
import type { MailMessage, SentMessageInfo, Transport } from 'nodemailer';
import LeWindows from 'nodemailer/lib/mime-node/le-windows';

/** What the capture transport hands back for a message: the envelope, the Message-ID and the whole message. */
export interface CaptureInfo extends SentMessageInfo {
  message: Buffer;
}

/** A transport for `nodemailer.createTransport(captureTransport())`. */
export function captureTransport(): Transport<CaptureInfo> {
  return {
    name: 'sgbot-capture',
    version: '1',
    send(mail: MailMessage<CaptureInfo>, callback: (err: Error | null, info?: CaptureInfo) => void): void {
      const envelope = mail.message.getEnvelope();
      const messageId = mail.message.messageId();
      const chunks: Buffer[] = [];
      const source = mail.message.createReadStream();
      // Bodies may hold bare LF; SMTP's DATA stream sends every line end as CRLF, and so does the outbox.
      const stream = source.pipe(new LeWindows());
      source.once('error', (err: Error) => stream.destroy(err));
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.once('error', (err: Error) => callback(err));
      stream.once('end', () => callback(null, { envelope, messageId, message: Buffer.concat(chunks) }));
    },
  };
}
