package io.mlproxy.engine;

/** A results folder that cannot be used: unwritable, held by another run, or in the way; the message says why. */
public final class ResultsFolderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ResultsFolderException(String message) {
    super(message, null, false, false);
  }
}
