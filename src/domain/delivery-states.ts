/** Where one subscriber's notice of one event stands. */
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped' | 'dead'

/** How an ops alert reaches the operators. */
export type OpsChannel = 'webhook' | 'email'
/** Where one send of an ops alert stands; `failed`: an attempt failed and the queue will try again. */
export type OpsSendStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'dead'

/** Where one transactional mail (a confirmation, a sign-in link) stands. */
export type MailStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'dead'
