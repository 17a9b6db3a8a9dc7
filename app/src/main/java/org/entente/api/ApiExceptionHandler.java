package org.entente.api;

import java.util.Map;
import org.entente.db.tenancy.TenantNotActiveException;
import org.entente.platform.validation.ConcurrentEditException;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as an RFC 9457 problem ({@code application/problem+json}): Spring MVC's own (400, 404, 405,
 * 415, …) through {@link ResponseEntityExceptionHandler}, the feature services' refusals mapped here. Only for the
 * API's controllers (its package); the browser UI keeps its own error pages.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInput e) {
        ProblemDetail problem = ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input",
                "The request breaks the rules for this record: see errors");
        problem.setProperty("errors", e.fieldErrors().entrySet().stream()
                .map(error -> Map.of("field", error.getKey(), "message", error.getValue())).toList());
        return respond(problem);
    }

    @ExceptionHandler(NotAllowed.class)
    ResponseEntity<ProblemDetail> notAllowed(NotAllowed e) {
        return respond(ApiProblems.problem(HttpStatus.FORBIDDEN, "not-allowed", e.text().toString()));
    }

    @ExceptionHandler(ApiException.NotFound.class)
    ResponseEntity<ProblemDetail> notFound(ApiException.NotFound e) {
        return respond(ApiProblems.problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage()));
    }

    @ExceptionHandler(ApiException.BadParameter.class)
    ResponseEntity<ProblemDetail> badParameter(ApiException.BadParameter e) {
        ProblemDetail problem = ApiProblems.problem(HttpStatus.BAD_REQUEST, "bad-parameter", e.getMessage());
        problem.setProperty("parameter", e.parameter());
        return respond(problem);
    }

    @ExceptionHandler(ApiException.PreconditionRequired.class)
    ResponseEntity<ProblemDetail> preconditionRequired(ApiException.PreconditionRequired e) {
        return respond(ApiProblems.problem(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", e.getMessage()));
    }

    @ExceptionHandler({ApiException.PreconditionFailed.class, ConcurrentEditException.class})
    ResponseEntity<ProblemDetail> preconditionFailed(RuntimeException e) {
        return respond(ApiProblems.problem(HttpStatus.PRECONDITION_FAILED, "version-changed",
                new ApiException.PreconditionFailed().getMessage()));
    }

    /** A suspended or offboarded organization's client: the transaction manager refuses every transaction. */
    @ExceptionHandler({TenantNotActiveException.class, TransactionException.class})
    ResponseEntity<ProblemDetail> tenantNotActive(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TenantNotActiveException) {
                return respond(ApiProblems.problem(HttpStatus.FORBIDDEN, "organization-not-active",
                        "The organization of this API client is not active (suspended or offboarded)"));
            }
        }
        throw e;
    }

    /** Spring MVC's own errors (405, 415, unreadable JSON…) get the API's problem type too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(java.net.URI.create(ApiProblems.TYPE_PREFIX + "http-" + statusCode.value()));
        }
        return response;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
