package org.entente.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Any {@code /api/**} request no endpoint answers: 415 when the path and method exist but not for this body type, 405
 * (with Allow) when the path exists for other methods, else 404, all as problems. Without it such a request would fall through to Vaadin's servlet and get an HTML page.
 */
@RestController
@Hidden
class ApiFallback {

    private final RequestMappingHandlerMapping mappings;

    ApiFallback(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @RequestMapping("/api/**")
    void unknown(HttpServletRequest request) throws Exception {
        Set<String> allowed = new LinkedHashSet<>();
        List<MediaType> consumable = new ArrayList<>();
        if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
            ServletRequestPathUtils.parseAndCache(request);
        }
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            if (info.getPathPatternsCondition() == null
                    || info.getPathPatternsCondition().getPatternValues().contains("/api/**")
                    || info.getPathPatternsCondition().getMatchingCondition(request) == null) {
                continue;
            }
            info.getMethodsCondition().getMethods().forEach(method -> allowed.add(method.name()));
            if (info.getMethodsCondition().getMethods().stream().anyMatch(m -> m.name().equals(request.getMethod()))) {
                consumable.addAll(info.getConsumesCondition().getConsumableMediaTypes());
            }
        }
        if (allowed.contains(request.getMethod())) {
            // The method is right; the body's type is not one the endpoint reads (Spring would say 415 too).
            throw new HttpMediaTypeNotSupportedException(
                    request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType()),
                    consumable, HttpMethod.valueOf(request.getMethod()));
        }
        if (!allowed.isEmpty()) {
            throw new HttpRequestMethodNotSupportedException(request.getMethod(), allowed);
        }
        throw new NoResourceFoundException(HttpMethod.valueOf(request.getMethod()), request.getRequestURI(),
                request.getRequestURI());
    }
}
