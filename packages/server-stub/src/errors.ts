// Error classes of the server. Messages name files, flags, paths and ids; never a submitted
// value, a token, a key or a secret.

/** Base class of every error the server raises on purpose. */
export class ServerStubError extends Error {
  override name = 'ServerStubError';
}

/** A flag, environment variable or settings file is wrong; the server does not start. */
export class ConfigError extends ServerStubError {
  override name = 'ConfigError';
}

/** The server cannot listen on the configured host and port (taken, privileged or not local). */
export class ListenError extends ServerStubError {
  override name = 'ListenError';
}

/** The data directory cannot be created or written. */
export class DataDirError extends ServerStubError {
  override name = 'DataDirError';
}

/** A form definition or its private settings file failed to load. */
export class FormLoadError extends ServerStubError {
  override name = 'FormLoadError';
  /** The file that failed. */
  readonly file: string;

  /** Creates the error for one file. */
  constructor(file: string, message: string, options?: ErrorOptions) {
    super(`${file}: ${message}`, options);
    this.file = file;
  }
}

/** The data key or keyring is missing, malformed or does not match the stored rows. */
export class KeyringError extends ServerStubError {
  override name = 'KeyringError';
}

/** A sealed row could not be opened: wrong key, tampered ciphertext or a row moved between ids. */
export class DecryptionError extends ServerStubError {
  override name = 'DecryptionError';
}

/** The request body exceeded the configured limit. */
export class PayloadTooLargeError extends ServerStubError {
  override name = 'PayloadTooLargeError';
}
