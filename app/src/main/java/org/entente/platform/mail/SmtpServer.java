package org.entente.platform.mail;

/**
 * The SMTP server the app sends through, as Keycloak's realm setting {@code smtpServer} needs it.
 *
 * @param username null without authentication
 * @param ssl      SMTP over TLS from the first byte ({@code spring.mail.protocol=smtps})
 */
public record SmtpServer(String host, int port, String username, String password, boolean starttls, boolean ssl) {

    public boolean authenticated() {
        return username != null && !username.isBlank();
    }

    @Override
    public String toString() {
        // never the password in a log line
        return "SmtpServer[" + host + ":" + port + (authenticated() ? ", user " + username : "")
                + (starttls ? ", STARTTLS" : "") + (ssl ? ", SSL" : "") + "]";
    }
}
