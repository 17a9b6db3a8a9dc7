package org.entente.api;

/** What the API refuses on its own (the feature services' refusals keep their own types). */
public class ApiException extends RuntimeException {

    ApiException(String message) {
        super(message);
    }

    /** Not there, or not visible to the caller: the same answer, so a caller learns nothing of what it may not see. */
    public static final class NotFound extends ApiException {
        public NotFound(String what) {
            super(what + " not found");
        }
    }

    /** A query parameter out of its range or form (400). */
    public static final class BadParameter extends ApiException {
        private final String parameter;

        public BadParameter(String parameter, String expected) {
            super("'" + parameter + "' must be " + expected);
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }

    /** A write without If-Match (428): a partner's system must say which version it changes. */
    public static final class PreconditionRequired extends ApiException {
        public PreconditionRequired() {
            super("Send If-Match with the ETag (the version in quotes) of the record you change");
        }
    }

    /** If-Match names a version that is no longer the record's (412). */
    public static final class PreconditionFailed extends ApiException {
        public PreconditionFailed() {
            super("The record changed since you read it (If-Match names an older version): read it again");
        }
    }
}
