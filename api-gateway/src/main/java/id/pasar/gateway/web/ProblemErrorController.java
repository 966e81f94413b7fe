package id.pasar.gateway.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Whatever the container sends to its error page (a {@code sendError} outside Spring MVC,
 * a TRACE, a failure in a filter) is a problem with a code, like every other answer,
 * instead of Spring Boot's default body. {@code /error} asked for directly is nothing:
 * 404. Replaces Boot's {@code BasicErrorController}, which backs off when an
 * {@link ErrorController} exists.
 */
@Controller
class ProblemErrorController implements ErrorController {

    private final ProblemWriter problems;

    ProblemErrorController(ProblemWriter problems) {
        this.problems = problems;
    }

    /** Every method: the error dispatch keeps the failed request's method. */
    @RequestMapping("/error")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null || !status.isError()) {
            problems.write(request, response, HttpStatus.NOT_FOUND, "NOT_FOUND", "Not found",
                    "There is nothing at this path.");
            return;
        }
        if (status.is5xxServerError()) {
            problems.write(request, response, status, "INTERNAL_ERROR", "Internal error",
                    "Something went wrong on our side; quote the requestId when you report it.");
            return;
        }
        problems.write(request, response, status, status.name(), status.getReasonPhrase(),
                status.getReasonPhrase() + ".");
    }

}
