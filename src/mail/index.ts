/**
 * Outgoing mail: reminders to rapporteurs, announcements to lists, digests, replies about documents.
 * See {@link createMailer}; rapporteur mail is laid out by {@link renderMail} (the MJML template of templates/).
 */
export { composeMail, MAIL_KINDS, type ComposeSettings, type MailKind, type OutgoingMail, type Recipients } from './compose.ts';
export { EncodedPart } from './encoded-part.ts';
export { classifySmtpError, isMailDeliveryError, isPermanentSmtpCode, MAIL_DELIVERY_ERROR, MailDeliveryError, type RejectedRecipient } from './errors.ts';
export { escapeHtml, textToHtml } from './html.ts';
export {
  createMailer,
  type CapturedMail,
  type CaptureTransportOptions,
  type DkimOptions,
  type Mailer,
  type MailerOptions,
  type SendResult,
  type SmtpTransportOptions,
} from './mailer.ts';
export { messageIdFor, normalizeMessageId } from './message-id.ts';
export { html, renderMail, renderMailHtml, renderMailText, SafeHtml, type MailBlock, type MailFact, type MailListItem, type MailView } from './render.ts';
