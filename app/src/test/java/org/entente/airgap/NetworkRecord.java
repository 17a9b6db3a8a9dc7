package org.entente.airgap;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import org.entente.testing.Browser;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Every request a browser's pages made, read from Chrome's performance log (the DevTools Network events that
 * chromedriver records: documents, scripts, styles, fonts, images, XHR/fetch, beacons, WebSockets), and which
 * of them left the allowed origins.
 */
final class NetworkRecord {

    /** The DevTools events that carry a URL the page asked for. */
    private static final Set<String> REQUEST_EVENTS = Set.of("Network.requestWillBeSent", "Network.webSocketCreated",
            "Network.webTransportCreated");

    private final Set<String> hostsAndPorts;

    /**
     * Allowed: http(s)/ws(s) to localhost or 127.0.0.1 on one of these ports; data:, blob:, about: (in-page) and
     * chrome: (the browser's built-in pages).
     */
    NetworkRecord(int... ports) {
        Set<String> allowed = new LinkedHashSet<>();
        for (int port : ports) {
            allowed.add("localhost:" + port);
            allowed.add("127.0.0.1:" + port);
        }
        this.hostsAndPorts = Set.copyOf(allowed);
    }

    /**
     * Options for a browser whose network is recorded, with Chromium's own background traffic switched off so
     * that the record is about the app. (Those requests come from the browser process, not from a page, so they
     * would not be in the performance log anyway; on a closed network they are still noise.) On top of
     * {@link Browser}'s flags (--disable-background-networking, --disable-component-update, --disable-sync):
     * <ul>
     * <li>--disable-domain-reliability, --metrics-recording-only: no reliability beacons or metrics upload;
     * <li>--disable-client-side-phishing-detection, --safebrowsing-disable-auto-update: no Safe Browsing models or lists;
     * <li>--disable-default-apps, --disable-extensions, --no-default-browser-check, --no-pings: nothing installed, no hyperlink pings;
     * <li>--disable-features=OptimizationHints,Translate,MediaRouter,...: no optimization guide, translate, cast discovery,
     * autofill or certificate-transparency list downloads.
     * </ul>
     */
    static void record(ChromeOptions options) {
        options.addArguments("--disable-domain-reliability", "--metrics-recording-only",
                "--disable-client-side-phishing-detection", "--safebrowsing-disable-auto-update",
                "--disable-default-apps", "--disable-extensions", "--no-default-browser-check", "--no-pings",
                "--disable-features=OptimizationHints,OptimizationGuideModelDownloading,Translate,MediaRouter,"
                        + "DialMediaRouteProvider,AutofillServerCommunication,CertificateTransparencyComponentUpdater,"
                        + "InterestFeedContentSuggestions,PrivacySandboxSettings4");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
    }

    /** The URLs the browser's pages requested since the last call (chromedriver hands each entry out once). */
    static List<String> requestedSinceLastCall(Browser browser) {
        Json json = new Json();
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : browser.driver().manage().logs().get(LogType.PERFORMANCE)) {
            Map<String, Object> event = json.toType(entry.getMessage(), Json.MAP_TYPE);
            @SuppressWarnings("unchecked")
            Map<String, Object> message = (Map<String, Object>) event.get("message");
            if (message == null || !REQUEST_EVENTS.contains(String.valueOf(message.get("method")))) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> params = (Map<String, Object>) message.get("params");
            Object url = params.get("url");
            if (url == null && params.get("request") instanceof Map<?, ?> request) {
                url = request.get("url");
            }
            if (url != null) {
                urls.add(String.valueOf(url));
            }
        }
        return urls;
    }

    boolean allowed(String url) {
        // Parsed by hand: java.net.URI rejects characters that browsers send (e.g. "|" in a query).
        int colon = url.indexOf(':');
        String scheme = colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "data", "blob", "about" -> true;
            // Chromium's own pages (a new tab it opens by itself), served from the browser binary, not the network.
            case "chrome", "chrome-untrusted" -> true;
            case "http", "https", "ws", "wss" -> url.startsWith("//", colon + 1)
                    && hostsAndPorts.contains(authority(url.substring(colon + 3)).toLowerCase(Locale.ROOT));
            default -> false;
        };
    }

    private static String authority(String afterSlashes) {
        int end = afterSlashes.length();
        for (char stop : new char[] {'/', '?', '#'}) {
            int at = afterSlashes.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String authority = afterSlashes.substring(0, end);
        return authority.substring(authority.lastIndexOf('@') + 1); // no user info
    }
}
