package com.omnis.shared.http;

import com.omnis.shared.error.FieldError;
import java.util.List;

/**
 * A problem only the HTTP edge can have (a body that is not JSON, too large, of another media
 * type). Everything a service decides is a {@code shared.error.DomainException} instead; the factories
 * marked deprecated are the old way and go once no caller is left.
 */
public final class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.type() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    private static ProblemException of(String slug, String title, int status, String detail) {
        return new ProblemException(new Problem(Problem.TYPE_BASE + slug, title, status, detail, List.of(), null));
    }

    public static ProblemException malformed(String detail) {
        return of("malformed-request", "Malformed request", 400, detail);
    }

    @Deprecated(forRemoval = true)
    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " fields are invalid";
        return new ProblemException(new Problem(Problem.TYPE_BASE + "invalid-input", "Invalid input", 400,
                detail, errors, null));
    }

    @Deprecated(forRemoval = true)
    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    @Deprecated(forRemoval = true)
    public static ProblemException unauthorized(String detail) {
        return of("unauthorized", "Unauthorized", 401, detail);
    }

    @Deprecated(forRemoval = true)
    public static ProblemException forbidden(String detail) {
        return of("forbidden", "Forbidden", 403, detail);
    }

    @Deprecated(forRemoval = true)
    public static ProblemException notFound(String detail) {
        return of("not-found", "Not found", 404, detail);
    }

    @Deprecated(forRemoval = true)
    public static ProblemException conflict(String slug, String title, String detail, Object current) {
        return new ProblemException(new Problem(Problem.TYPE_BASE + slug, title, 409, detail, List.of(), current));
    }

    @Deprecated(forRemoval = true)
    public static ProblemException preconditionFailed(String detail, Object current) {
        return new ProblemException(new Problem(Problem.TYPE_BASE + "version-mismatch", "Version mismatch", 412,
                detail, List.of(), current));
    }

    public static ProblemException tooLarge(String detail) {
        return of("payload-too-large", "Payload too large", 413, detail);
    }

    public static ProblemException unsupportedMediaType(String detail) {
        return of("unsupported-media-type", "Unsupported media type", 415, detail);
    }

    /** A well-formed request that breaks a business rule (unknown SKU, expired promotion code…). */
    @Deprecated(forRemoval = true)
    public static ProblemException unprocessable(String slug, String title, String detail, List<FieldError> errors) {
        return new ProblemException(new Problem(Problem.TYPE_BASE + slug, title, 422, detail, errors, null));
    }
}
