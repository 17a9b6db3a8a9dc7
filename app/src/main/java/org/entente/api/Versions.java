package org.entente.api;

/** A record's version as an HTTP entity tag ({@code "3"}), and back from If-Match. */
final class Versions {

    private Versions() {
    }

    static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** The version If-Match names (a weak tag counts too); 428 when there is none, 412 when it names no version. */
    static int parse(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException.PreconditionRequired();
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Integer.parseInt(tag);
        } catch (NumberFormatException e) {
            throw new ApiException.PreconditionFailed();
        }
    }
}
