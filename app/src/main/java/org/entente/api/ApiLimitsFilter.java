package org.entente.api;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's limits, after authentication: a rate limit per API client (resilience4j: so many calls per period, no
 * waiting; over it, 429 with Retry-After) and a request body limit (413). A body without Content-Length (chunked) is
 * read up to the limit and refused past it, so a partner system cannot stream an endless body into the JSON reader.
 *
 * <p>Not a Spring bean on purpose: a bean {@code Filter} would be registered for every path of the app, not only
 * {@code /api/**}.
 */
class ApiLimitsFilter extends OncePerRequestFilter {

    private final ApiProperties properties;
    private final RateLimiterRegistry limiters;

    ApiLimitsFilter(ApiProperties properties) {
        this.properties = properties;
        this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(properties.rateLimit().requests())
                .limitRefreshPeriod(properties.rateLimit().period())
                .timeoutDuration(Duration.ZERO)
                .build());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof ApiAuthentication api) {
            RateLimiter limiter = limiters.rateLimiter(api.clientId());
            if (!limiter.acquirePermission()) {
                long seconds = Math.max(1, (properties.rateLimit().period().toMillis() + 999) / 1000);
                response.setHeader("Retry-After", Long.toString(seconds)); // i18n-ok: HTTP header
                ApiProblems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "rate-limit",
                        "More than " + properties.rateLimit().requests() + " requests in "
                                + properties.rateLimit().period().toSeconds() + " s by this API client: retry after "
                                + seconds + " s");
                return;
            }
        }
        long limit = properties.maxBodySize().toBytes();
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            tooLarge(request, response, limit);
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try (InputStream in = request.getInputStream()) {
                byte[] buffer = new byte[8192];
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    body.write(buffer, 0, read);
                    if (body.size() > limit) {
                        tooLarge(request, response, limit);
                        return;
                    }
                }
            }
            chain.doFilter(new ReadBody(request, body.toByteArray()), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit)
            throws IOException {
        ApiProblems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                "The request body is larger than " + limit + " bytes");
    }

    /** The request with its body already read (and within the limit). */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
