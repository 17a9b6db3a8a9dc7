package org.entente.tenant.admin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.TenantScope;
import org.entente.keycloak.EntenteRealm;
import org.entente.platform.audit.AuditTrail;
import org.entente.platform.i18n.Text;
import org.entente.platform.keycloak.KeycloakAdminClient;
import org.entente.platform.keycloak.KeycloakAdminClient.IdentityProvider;
import org.entente.platform.keycloak.KeycloakAdminClient.Organization;
import org.entente.platform.keycloak.KeycloakRequestException;
import org.entente.platform.keycloak.KeycloakUnavailableException;
import org.entente.platform.security.SignedInUser;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.PlainText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A partner's own identity provider: an OpenID Connect or SAML 2.0 provider linked to the partner's Keycloak
 * Organization, for the e-mail domain it serves, normally with "redirect when the e-mail matches" (identity-first
 * login sends the person straight to it) and hidden from the general login page. Everyone signing in through it gets
 * the realm role {@code member}; Entente provisions their member row at first sign-in as for anyone else.
 *
 * <p>Who: a platform administrator for any tenant; a tenant admin for their OWN organization only — the tenant comes
 * from their token, never from a parameter. Keycloak 26.5 has no fine-grained admin permissions for organizations
 * (keycloak#45497), so this service is the boundary: it acts with the app's admin-API account after checking.
 *
 * <p>Keycloak first, then the audit event; a failed later step undoes the earlier ones (the provider is deleted).
 * A SAML provider is made from its metadata address (Keycloak reads the entity descriptor, as its admin console does).
 */
@Service
public class SignInProviders {

    /** Organization settings of a Keycloak identity provider (Keycloak 26 OrganizationModel). */
    static final String DOMAIN_SETTING = "kc.org.domain";
    static final String REDIRECT_SETTING = "kc.org.broker.redirect.mode.email-matches";

    static final String OIDC = "oidc";
    static final String SAML = "saml";
    /** SAML NameID in e-mail form: the address is what Keycloak matches against the organization's domain. */
    static final String SAML_EMAIL_NAME_ID = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";

    static final String LINKED = "SIGN_IN_PROVIDER_LINKED";
    static final String UNLINKED = "SIGN_IN_PROVIDER_UNLINKED";
    static final String RECORD = "sign_in_provider";

    /** OAuth client ids and secrets are visible ASCII (RFC 6749 VSCHAR without the space). */
    private static final Pattern CLIENT_CREDENTIAL = Pattern.compile("^[\\x21-\\x7E]+$");

    private static final Logger log = LoggerFactory.getLogger(SignInProviders.class);

    private final TransactionTemplate transactions;
    private final Administrators administrators;
    private final TenantAdministration tenantAdministration;
    private final KeycloakAdminClient keycloak;
    private final AuditTrail audit;

    SignInProviders(PlatformTransactionManager transactionManager, Administrators administrators,
            TenantAdministration tenantAdministration, KeycloakAdminClient keycloak, AuditTrail audit) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.administrators = administrators;
        this.tenantAdministration = tenantAdministration;
        this.keycloak = keycloak;
        this.audit = audit;
    }

    // ------------------------------------------------------------------------------ tenant admin: own organization

    public List<SignInProvider> ofMyOrganization() {
        Administrators.TenantAdmin admin = administrators.requireTenantAdmin();
        return providersOf(organization(admin.alias()));
    }

    public SignInProvider linkToMyOrganization(SignInProviderDraft draft) {
        Administrators.TenantAdmin admin = administrators.requireTenantAdmin();
        return link(organization(admin.alias()), new Actor(admin.tenantId(), admin.memberId()), draft);
    }

    public void unlinkFromMyOrganization(String alias) {
        Administrators.TenantAdmin admin = administrators.requireTenantAdmin();
        unlink(organization(admin.alias()), new Actor(admin.tenantId(), admin.memberId()), alias);
    }

    // ------------------------------------------------------------------------------ platform admin: any tenant

    public List<SignInProvider> of(UUID tenantId) {
        administrators.requirePlatformAdmin();
        return providersOf(organization(tenantAdministration.find(tenantId).alias()));
    }

    public SignInProvider link(UUID tenantId, SignInProviderDraft draft) {
        SignedInUser admin = administrators.requirePlatformAdmin();
        return link(organization(tenantAdministration.find(tenantId).alias()), new Actor(tenantId, admin.memberId()),
                draft);
    }

    public void unlink(UUID tenantId, String alias) {
        SignedInUser admin = administrators.requirePlatformAdmin();
        unlink(organization(tenantAdministration.find(tenantId).alias()), new Actor(tenantId, admin.memberId()), alias);
    }

    // ------------------------------------------------------------------------------------------------

    private List<SignInProvider> providersOf(Organization organization) {
        try {
            return keycloak.organizationIdentityProviders(organization.id()).stream()
                    .map(SignInProviders::toProvider).toList();
        } catch (KeycloakUnavailableException e) {
            throw Administrators.keycloakUnreachable(keycloak.serverUri(), e);
        } catch (KeycloakRequestException e) {
            throw new AdministrationException(Text.of("admin.error.keycloakRefusedChange", e.body()), e);
        }
    }

    private SignInProvider link(Organization organization, Actor actor, SignInProviderDraft draft) {
        SignInProviderDraft valid = validate(draft, organization);
        Map<String, Object> representation;
        try {
            List<IdentityProvider> linked = keycloak.organizationIdentityProviders(organization.id());
            if (!linked.isEmpty()) {
                throw new AdministrationException(Text.of("admin.signIn.error.onePerOrganization",
                        linked.getFirst().alias()));
            }
            if (keycloak.identityProvider(valid.alias()).isPresent()) {
                throw InvalidInput.of("alias", "admin.signIn.error.aliasUsed", valid.alias());
            }
            representation = valid.isSaml() ? samlRepresentation(valid, samlSettings(valid))
                    : representation(valid, endpoints(valid));
        } catch (KeycloakUnavailableException e) {
            throw Administrators.keycloakUnreachable(keycloak.serverUri(), e);
        } catch (KeycloakRequestException e) {
            throw new AdministrationException(Text.of("admin.error.keycloakRefusedChange", e.body()), e);
        }
        try {
            keycloak.createIdentityProvider(representation);
        } catch (KeycloakUnavailableException e) {
            throw Administrators.keycloakUnreachable(keycloak.serverUri(), e);
        } catch (KeycloakRequestException e) {
            throw new AdministrationException(Text.of("admin.signIn.error.keycloakRefused", e.body(),
                    Text.of("admin.signIn.nothingChanged")), e);
        }
        try {
            keycloak.addIdentityProviderMapper(valid.alias(), Map.of(
                    "name", "Entente member role",
                    "identityProviderAlias", valid.alias(),
                    "identityProviderMapper", "oidc-hardcoded-role-idp-mapper",
                    "config", Map.of("role", EntenteRealm.ROLE_MEMBER, "syncMode", "INHERIT")));
            keycloak.linkOrganizationIdentityProvider(organization.id(), valid.alias());
        } catch (KeycloakUnavailableException | KeycloakRequestException e) {
            throw new AdministrationException(Text.of("admin.signIn.error.keycloakRefused",
                    Administrators.keycloakProblem(keycloak.serverUri(), e), deleteAgain(valid.alias())), e);
        }
        try {
            TenantScope.runAs(actor, () -> transactions.executeWithoutResult(status -> audit.record(LINKED, RECORD,
                    valid.alias(), null, Map.of("emailDomain", valid.emailDomain(),
                            "organization", organization.alias(), "protocol", representation.get("providerId"),
                            "issuer", String.valueOf(issuerOf(representation)),
                            "redirectWhenEmailMatches", valid.redirectWhenEmailMatches(),
                            "hiddenOnLoginPage", valid.hiddenOnLoginPage()))));
        } catch (RuntimeException e) {
            Text undone = unlinkAndDelete(organization, valid.alias());
            throw new AdministrationException(Text.of("admin.error.changeNotStored", Administrators.databaseMessage(e),
                    undone), e);
        }
        log.info("Identity provider {} linked to organization {} for {}", valid.alias(), organization.alias(),
                valid.emailDomain());
        return providersOf(organization).stream().filter(p -> p.alias().equals(valid.alias())).findFirst()
                .orElseThrow();
    }

    private void unlink(Organization organization, Actor actor, String alias) {
        IdentityProvider provider;
        try {
            provider = keycloak.organizationIdentityProviders(organization.id()).stream()
                    .filter(p -> p.alias().equals(alias)).findFirst()
                    .orElseThrow(() -> new AdministrationException(Text.of("admin.signIn.error.noSuchProvider")));
            keycloak.unlinkOrganizationIdentityProvider(organization.id(), alias);
            keycloak.deleteIdentityProvider(alias);
        } catch (KeycloakUnavailableException e) {
            throw Administrators.keycloakUnreachable(keycloak.serverUri(), e);
        } catch (KeycloakRequestException e) {
            throw new AdministrationException(Text.of("admin.error.keycloakRefusedChange", e.body()), e);
        }
        // The provider is gone in Keycloak; a failed audit write cannot bring it back, so it is logged loudly.
        try {
            TenantScope.runAs(actor, () -> transactions.executeWithoutResult(status -> audit.record(UNLINKED, RECORD,
                    alias, Map.of("emailDomain", String.valueOf(provider.setting(DOMAIN_SETTING)),
                            "organization", organization.alias()), null)));
        } catch (RuntimeException e) {
            log.error("Identity provider {} was unlinked from {} but the audit event could not be stored", alias,
                    organization.alias(), e);
            throw new AdministrationException(Text.of("admin.signIn.error.auditNotStored",
                    Administrators.databaseMessage(e)), e);
        }
    }

    /** The provider's endpoints: from its discovery document (read by Keycloak) or as typed. */
    private Map<String, String> endpoints(SignInProviderDraft valid) {
        Map<String, String> endpoints = new LinkedHashMap<>();
        if (valid.discoveryUrl() != null) {
            try {
                endpoints.putAll(keycloak.importOpenIdConfiguration(valid.discoveryUrl()));
            } catch (KeycloakRequestException e) {
                throw InvalidInput.of("discoveryUrl", "admin.signIn.error.discoveryFailed", e.body());
            }
            if (endpoints.get("authorizationUrl") == null || endpoints.get("tokenUrl") == null) {
                throw InvalidInput.of("discoveryUrl", "admin.signIn.error.discoveryIncomplete");
            }
        } else {
            endpoints.put("authorizationUrl", valid.authorizationUrl());
            endpoints.put("tokenUrl", valid.tokenUrl());
            endpoints.put("jwksUrl", valid.jwksUrl());
            if (valid.issuer() != null) {
                endpoints.put("issuer", valid.issuer());
            }
        }
        return endpoints;
    }

    /** A SAML provider's settings from its metadata (read by Keycloak). */
    private Map<String, String> samlSettings(SignInProviderDraft valid) {
        Map<String, String> settings;
        try {
            settings = new LinkedHashMap<>(keycloak.importSamlMetadata(valid.samlMetadataUrl()));
        } catch (KeycloakRequestException e) {
            throw InvalidInput.of("samlMetadataUrl", "admin.signIn.error.metadataFailed", e.body());
        }
        if (settings.get("singleSignOnServiceUrl") == null) {
            throw InvalidInput.of("samlMetadataUrl", "admin.signIn.error.metadataIncomplete");
        }
        return settings;
    }

    private static Object issuerOf(Map<String, Object> representation) {
        Map<?, ?> config = (Map<?, ?>) representation.get("config");
        return SAML.equals(representation.get("providerId")) ? config.get("idpEntityId") : config.get("issuer");
    }

    private static Map<String, Object> samlRepresentation(SignInProviderDraft valid, Map<String, String> metadata) {
        Map<String, String> config = new LinkedHashMap<>(metadata);
        config.put("metadataDescriptorUrl", valid.samlMetadataUrl());
        // The person is known by their e-mail address, which the organization's domain is matched against.
        config.put("nameIDPolicyFormat", SAML_EMAIL_NAME_ID);
        config.put("principalType", "SUBJECT");
        config.put("allowCreate", "true");
        config.put("postBindingResponse", "true");
        config.put("postBindingAuthnRequest", "true");
        // The provider's answers must be signed with the key its metadata publishes.
        config.put("validateSignature", String.valueOf(config.get("signingCertificate") != null));
        return provider(valid, SAML, config);
    }

    private static Map<String, Object> representation(SignInProviderDraft valid, Map<String, String> endpoints) {
        Map<String, String> config = new LinkedHashMap<>(endpoints);
        config.put("clientId", valid.clientId());
        config.put("clientSecret", valid.clientSecret());
        config.put("clientAuthMethod", "client_secret_post");
        config.put("defaultScope", "openid email profile");
        config.put("useJwksUrl", "true");
        config.put("validateSignature", "true");
        config.put("pkceEnabled", "true");
        config.put("pkceMethod", "S256");
        return provider(valid, OIDC, config);
    }

    /** The provider as Keycloak stores it, whatever its protocol: imported users, the organization's domain rules. */
    private static Map<String, Object> provider(SignInProviderDraft valid, String providerId, Map<String, String> config) {
        config.put("syncMode", "IMPORT");
        config.put(DOMAIN_SETTING, valid.emailDomain());
        config.put(REDIRECT_SETTING, String.valueOf(valid.redirectWhenEmailMatches()));
        Map<String, Object> representation = new LinkedHashMap<>();
        representation.put("alias", valid.alias());
        representation.put("displayName", valid.displayName());
        representation.put("providerId", providerId);
        representation.put("enabled", true);
        // The partner vouches for its people's addresses in its own domain (the domain is the organization's).
        representation.put("trustEmail", true);
        representation.put("hideOnLogin", valid.hiddenOnLoginPage());
        representation.put("config", config);
        return representation;
    }

    private Organization organization(String alias) {
        try {
            return keycloak.organizationByAlias(alias).orElseThrow(() -> new AdministrationException(
                    Text.of("admin.tenant.error.organizationMissing", alias)));
        } catch (KeycloakUnavailableException e) {
            throw Administrators.keycloakUnreachable(keycloak.serverUri(), e);
        }
    }

    private Text deleteAgain(String alias) {
        try {
            keycloak.deleteIdentityProvider(alias);
            return Text.of("admin.error.keycloakRestored");
        } catch (RuntimeException e) {
            log.error("Could not delete the half-made identity provider {}", alias, e);
            return Text.of("admin.signIn.error.undoFailed", alias);
        }
    }

    private Text unlinkAndDelete(Organization organization, String alias) {
        try {
            keycloak.unlinkOrganizationIdentityProvider(organization.id(), alias);
        } catch (RuntimeException e) {
            log.warn("Could not unlink {} from {} while undoing", alias, organization.alias(), e);
        }
        return deleteAgain(alias);
    }

    /** Checks every field and returns the draft as it will be used (trimmed, domain in lower case, blanks null). */
    static SignInProviderDraft validate(SignInProviderDraft draft, Organization organization) {
        String alias = trim(draft.alias());
        String displayName = trim(draft.displayName());
        String discoveryUrl = trim(draft.discoveryUrl());
        String authorizationUrl = trim(draft.authorizationUrl());
        String tokenUrl = trim(draft.tokenUrl());
        String jwksUrl = trim(draft.jwksUrl());
        String issuer = trim(draft.issuer());
        String clientId = trim(draft.clientId());
        String clientSecret = trim(draft.clientSecret());
        String metadataUrl = trim(draft.samlMetadataUrl());
        String domain = trim(draft.emailDomain());
        domain = domain == null ? null : domain.toLowerCase(Locale.ROOT);
        boolean explicit = authorizationUrl != null || tokenUrl != null || jwksUrl != null || issuer != null;
        boolean saml = metadataUrl != null;

        InvalidInput.Collector errors = new InvalidInput.Collector();
        errors.check(alias != null && TenantAdministration.ALIAS.matcher(alias).matches(), "alias",
                "admin.signIn.error.alias");
        errors.check(PlainText.storable(displayName), "displayName", PlainText.MESSAGE);
        errors.check(displayName == null || displayName.length() <= 100, "displayName",
                "admin.signIn.error.displayNameLength");
        if (saml) {
            // SAML: the metadata says everything; OpenID Connect settings beside it are a mistake, not extra detail.
            errors.check(providerAddress(metadataUrl), "samlMetadataUrl", "admin.signIn.error.url");
            errors.check(discoveryUrl == null && !explicit && clientId == null && clientSecret == null,
                    "samlMetadataUrl", "admin.signIn.error.samlOrOidc");
        } else {
            errors.check(discoveryUrl != null || explicit, "discoveryUrl", "admin.signIn.error.endpoints");
            errors.check(discoveryUrl == null || !explicit, "discoveryUrl", "admin.signIn.error.discoveryOrEndpoints");
            errors.check(discoveryUrl == null || providerAddress(discoveryUrl), "discoveryUrl", "admin.signIn.error.url");
            if (discoveryUrl == null && explicit) {
                errors.check(authorizationUrl != null, "authorizationUrl", "admin.signIn.error.endpointMissing");
                errors.check(tokenUrl != null, "tokenUrl", "admin.signIn.error.endpointMissing");
                errors.check(jwksUrl != null, "jwksUrl", "admin.signIn.error.endpointMissing");
            }
            errors.check(authorizationUrl == null || providerAddress(authorizationUrl), "authorizationUrl",
                    "admin.signIn.error.url");
            errors.check(tokenUrl == null || providerAddress(tokenUrl), "tokenUrl", "admin.signIn.error.url");
            errors.check(jwksUrl == null || providerAddress(jwksUrl), "jwksUrl", "admin.signIn.error.url");
            errors.check(issuer == null || providerAddress(issuer), "issuer", "admin.signIn.error.url");
            errors.check(clientId != null && clientId.length() <= 255 && CLIENT_CREDENTIAL.matcher(clientId).matches(),
                    "clientId", "admin.signIn.error.clientId");
            errors.check(clientSecret != null && clientSecret.length() <= 512
                    && CLIENT_CREDENTIAL.matcher(clientSecret).matches(), "clientSecret",
                    "admin.signIn.error.clientSecret");
        }
        boolean domainSyntax = domain != null && TenantAdministration.DOMAIN.matcher(domain).matches();
        errors.check(domainSyntax, "emailDomain", "admin.signIn.error.domain");
        if (domainSyntax) {
            errors.check(organization.domainNames().contains(domain), "emailDomain",
                    "admin.signIn.error.domainNotOrganization", String.join(", ", organization.domainNames()));
        }
        errors.throwIfAny();
        return new SignInProviderDraft(alias, displayName == null ? alias : displayName, discoveryUrl,
                authorizationUrl, tokenUrl, jwksUrl, issuer, clientId, clientSecret, domain, metadataUrl,
                draft.redirectWhenEmailMatches(), draft.hiddenOnLoginPage());
    }

    /**
     * An absolute {@code https} address of visible ASCII, with a host, no user name or password in it, no fragment.
     * Plain {@code http} only to this machine (localhost, loopback addresses): the client secret and the tokens go
     * there, so a provider elsewhere must be reached over TLS; a provider on the same machine is a development set-up.
     */
    static boolean providerAddress(String value) {
        if (value.length() > 2000 || !value.codePoints().allMatch(c -> c > 0x20 && c < 0x7F)) {
            return false;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost();
            if (host == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                return false;
            }
            return scheme.equals("https") || (scheme.equals("http") && loopback(host.toLowerCase(Locale.ROOT)));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean loopback(String host) {
        return host.equals("localhost") || host.endsWith(".localhost") || host.equals("[::1]")
                || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static SignInProvider toProvider(IdentityProvider p) {
        boolean hidden = Boolean.TRUE.equals(p.hideOnLogin()) || "true".equals(p.setting("hideOnLogin"));
        boolean saml = SAML.equals(p.providerId());
        return new SignInProvider(p.alias(), p.displayName() == null ? p.alias() : p.displayName(),
                p.setting(DOMAIN_SETTING), "true".equals(p.setting(REDIRECT_SETTING)), hidden,
                p.setting(saml ? "singleSignOnServiceUrl" : "authorizationUrl"),
                p.setting(saml ? "idpEntityId" : "issuer"), saml ? null : p.setting("clientId"), p.enabled(),
                saml ? SAML : OIDC);
    }
}
