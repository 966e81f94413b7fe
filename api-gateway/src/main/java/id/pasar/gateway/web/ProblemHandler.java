package id.pasar.gateway.web;

import id.pasar.kernel.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import lombok.extern.slf4j.Slf4j;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * The one place that turns every failure inside Spring MVC into
 * {@code application/problem+json} with a stable {@code code} (api.md, Conventions).
 * Modules throw {@link ErrorResponse}s that carry their own status and code; framework
 * failures get theirs here; anything unexpected is a 500 {@code INTERNAL_ERROR} that says
 * nothing about the inside (no stack trace, no SQL).
 */
@Slf4j
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private final ProblemLocalizer localizer;

    ProblemHandler(ProblemLocalizer localizer) {
        this.localizer = localizer;
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail : ex instanceof ErrorResponse response
                ? response.getBody() : ProblemDetail.forStatusAndDetail(status, ex.getMessage());
        Object given = problem.getProperties() != null ? problem.getProperties().get(Problems.CODE) : null;
        String code = given != null ? given.toString() : codeOf(ex, status);
        Problems.withCode(problem, code);
        if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            problem.setDetail("There is nothing at this path.");
        }
        else if (ex instanceof MethodArgumentNotValidException invalid) {
            problem.setTitle("Invalid request");
            problem.setDetail("The request has invalid fields.");
            problem.setProperty("errors",
                    invalid.getBindingResult()
                        .getAllErrors()
                        .stream()
                        .map(error -> new FieldProblem(
                                error instanceof FieldError field ? field.getField() : error.getObjectName(),
                                error.getDefaultMessage()))
                        .toList());
        }
        else if (ex instanceof HandlerMethodValidationException invalid) {
            problem.setTitle("Invalid request");
            problem.setDetail("The request has invalid parameters.");
            List<FieldProblem> errors = new ArrayList<>();
            // A body validated with the other parameters names its own fields, not the
            // parameter that holds it.
            invalid.getParameterValidationResults()
                .forEach(result -> result.getResolvableErrors()
                    .forEach(error -> errors.add(new FieldProblem(
                            error instanceof FieldError field ? field.getField() : nameOf(result.getMethodParameter()),
                            error.getDefaultMessage()))));
            problem.setProperty("errors", errors);
        }
        localizer.localize(problem, code, LocaleContextHolder.getLocale());
        // A problem is problem+json whatever the request accepts: a client that asked for
        // a type we do not produce (406) still learns why, instead of getting an empty
        // body.
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.putAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return super.handleExceptionInternal(ex, decorate(problem, request), problemHeaders, status, request);
    }

    /** Bad JSON, wrong types, and bodies that grow past the limit while being read. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedBy(ex, BodySizeLimitFilter.BodyTooLargeException.class)) {
            ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                    "Request body too large", BodySizeLimitFilter.DETAIL);
            return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        PlainTextDeserializer.ForbiddenCharacter forbidden = cause(ex, PlainTextDeserializer.ForbiddenCharacter.class);
        if (forbidden != null) {
            String field = path(forbidden);
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "INVALID_CHARACTER", "Invalid character",
                    "The field '" + field + "' holds a control or bidirectional formatting character.");
            problem.setProperty("errors", List.of(new FieldProblem(field,
                    "must be plain text: no control or " + "bidirectional formatting characters")));
            return handleExceptionInternal(ex, problem, headers, status, request);
        }
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "Malformed request",
                "The request body is not valid JSON of the expected shape.");
        JacksonException jackson = cause(ex, JacksonException.class);
        if (jackson != null && !jackson.getPath().isEmpty()) {
            String field = path(jackson);
            problem.setDetail("The field '" + field + "' has the wrong type or an unreadable value.");
            problem.setProperty("errors",
                    List.of(new FieldProblem(field, "has the wrong type or an unreadable value")));
        }
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /**
     * A multipart part over {@code spring.servlet.multipart.max-file-size} (a photo over
     * 5 MiB): the same 413 as any body over its limit.
     */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", "Request body too large",
                BodySizeLimitFilter.DETAIL);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
    }

    /**
     * A multipart body that does not parse (no boundary, a part cut short): the client's
     * fault, like JSON that does not parse.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> malformedMultipart(MultipartException ex, WebRequest request) {
        if (ex instanceof MaxUploadSizeExceededException tooLarge) {
            return handleMaxUploadSizeExceededException(tooLarge, new HttpHeaders(), HttpStatus.CONTENT_TOO_LARGE,
                    request);
        }
        return answer(ex, HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "Malformed request",
                "The request body is not a valid multipart/form-data body.", request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "Invalid parameter",
                "The parameter '" + name + "' has the wrong type or format.");
        problem.setProperty("errors", List.of(new FieldProblem(name, "has the wrong type or format")));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /**
     * Tomcat refuses a query string it cannot decode (a {@code %} not followed by two hex
     * digits) when a parameter is read.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> undecodableParameter(InvalidParameterException ex, WebRequest request) {
        return answer(ex, HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "Invalid parameter",
                "The query string holds an escape that is not valid percent-encoding.", request);
    }

    /**
     * PostgreSQL stores no NUL character in text (SQLSTATE 22021): a JSON {@code \\u0000}
     * or a {@code %00} in a query parameter reaches it as one. Nothing is stored; the
     * transaction that met it rolled back.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> dataIntegrity(DataIntegrityViolationException ex, WebRequest request) {
        if (NestedExceptionUtils.getMostSpecificCause(ex) instanceof SQLException sql
                && "22021".equals(sql.getSQLState())) {
            return answer(ex, HttpStatus.BAD_REQUEST, "INVALID_CHARACTER", "Invalid character",
                    "A text in the request holds a character that cannot be stored (NUL).", request);
        }
        return unexpected(ex, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Invalid request",
                "The request has invalid parameters.");
        problem.setProperty("errors",
                ex.getConstraintViolations()
                    .stream()
                    .map(violation -> new FieldProblem(lastNode(violation.getPropertyPath().toString()),
                            violation.getMessage()))
                    .toList());
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException ex, WebRequest request) {
        return answer(ex, HttpStatus.FORBIDDEN, "FORBIDDEN", "Forbidden", "Your role may not do this.", request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException ex, WebRequest request) {
        return answer(ex, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "Unauthorized", "A valid bearer token is required.",
                request);
    }

    @ExceptionHandler({ OptimisticLockingFailureException.class, PessimisticLockingFailureException.class })
    ResponseEntity<Object> concurrentUpdate(RuntimeException ex, WebRequest request) {
        return answer(ex, HttpStatus.CONFLICT, "CONCURRENT_UPDATE", "Concurrent update",
                "Someone else changed this at the same moment; read it again and retry.", request);
    }

    @ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            QueryTimeoutException.class })
    ResponseEntity<Object> databaseUnavailable(Exception ex, WebRequest request) {
        log.warn("Database unavailable: {}", ex.getMessage());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, ProblemWriter.DATABASE_RETRY_AFTER_SECONDS);
        return handleExceptionInternal(ex, ProblemWriter.databaseUnavailable(), headers, HttpStatus.SERVICE_UNAVAILABLE,
                request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        // A connection lost mid-transaction reaches here wrapped in whatever was running:
        // a commit (TransactionSystemException), Hibernate, Bucket4j. It is the database,
        // not a bug.
        if (DatabaseFailures.isUnreachable(ex)) {
            return databaseUnavailable(ex, request);
        }
        log.error("Unexpected failure", ex);
        return answer(ex, HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "Internal error",
                "Something went wrong on our side; quote the requestId when you report it.", request);
    }

    /** A problem with no headers or fields of its own: status, code, title and detail. */
    private ResponseEntity<Object> answer(Exception ex, HttpStatus status, String code, String title, String detail,
            WebRequest request) {
        return handleExceptionInternal(ex, Problems.of(status, code, title, detail), new HttpHeaders(), status,
                request);
    }

    private static String codeOf(Exception ex, HttpStatusCode status) {
        if (ex instanceof MethodArgumentNotValidException || ex instanceof HandlerMethodValidationException) {
            return "VALIDATION_FAILED";
        }
        if (ex instanceof MissingRequestHeaderException) {
            return "MISSING_HEADER";
        }
        if (ex instanceof MissingServletRequestParameterException || ex instanceof MissingServletRequestPartException) {
            return "MISSING_PARAMETER";
        }
        if (ex instanceof ServletRequestBindingException) {
            return "BAD_REQUEST";
        }
        if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            return "NOT_FOUND";
        }
        if (ex instanceof HttpRequestMethodNotSupportedException) {
            return "METHOD_NOT_ALLOWED";
        }
        if (ex instanceof HttpMediaTypeNotSupportedException) {
            return "UNSUPPORTED_MEDIA_TYPE";
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return "NOT_ACCEPTABLE";
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.name() : "ERROR";
    }

    private static ProblemDetail decorate(ProblemDetail problem, WebRequest request) {
        HttpServletRequest servletRequest = request instanceof NativeWebRequest nativeRequest
                ? nativeRequest.getNativeRequest(HttpServletRequest.class) : null;
        ProblemWriter.decorate(problem, servletRequest);
        return problem;
    }

    /**
     * The name the client used: a header's or a query parameter's, not the Java
     * parameter's.
     */
    private static String nameOf(MethodParameter parameter) {
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null) {
            return firstNonEmpty(header.name(), header.value(), parameter.getParameterName());
        }
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null) {
            return firstNonEmpty(param.name(), param.value(), parameter.getParameterName());
        }
        return parameter.getParameterName();
    }

    private static String firstNonEmpty(String... names) {
        for (String name : names) {
            if (name != null && !name.isEmpty()) {
                return name;
            }
        }
        return null;
    }

    private static String path(JacksonException jackson) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : jackson.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot >= 0 ? propertyPath.substring(dot + 1) : propertyPath;
    }

    private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
        return cause(ex, type) != null;
    }

    private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** One entry of {@code errors}: which field, and what is wrong with it. */
    record FieldProblem(String field, String message) {
    }

}
