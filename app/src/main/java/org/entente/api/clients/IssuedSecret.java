package org.entente.api.clients;

/** What a partner's system needs to get tokens, shown once: the client id and its (new) secret. */
public record IssuedSecret(ApiClient client, String secret) {

    @Override
    public String toString() {
        // Never in a log line by accident.
        return "IssuedSecret[" + client.clientId() + "]";
    }
}
