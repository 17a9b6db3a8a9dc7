package org.entente.platform.i18n;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The page's language, remembered by the browser, so that the next sign-in asks Keycloak for its pages in that
 * language ({@code ui_locales}, OpenID Connect Core 3.1.2.1): a person who chose French signs in in French next time,
 * before the app knows who they are. Holds "en" or "fr" only; the person's choice itself is on their member row.
 */
public final class LanguageCookie {

    public static final String NAME = "entente-language";

    private LanguageCookie() {
    }

    public static void write(HttpServletResponse response, Language language) {
        Cookie cookie = new Cookie(NAME, language.code());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    public static Optional<Language> read(HttpServletRequest request) {
        Cookie[] cookies = request == null ? null : request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies).filter(c -> NAME.equals(c.getName()))
                .findFirst().flatMap(c -> Language.ofCode(c.getValue()));
    }

    /** The sign-in's authorization request, with {@code ui_locales} when the browser remembers a language. */
    public static OAuth2AuthorizationRequestResolver signInInTheRememberedLanguage(
            ClientRegistrationRepository registrations, String authorizationBaseUri) {
        DefaultOAuth2AuthorizationRequestResolver resolver =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, authorizationBaseUri);
        resolver.setAuthorizationRequestCustomizer(request -> {
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
                read(attributes.getRequest()).ifPresent(language -> request.additionalParameters(
                        parameters -> parameters.put("ui_locales", language.code())));
            }
        });
        return resolver;
    }
}
