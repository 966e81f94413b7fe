package id.pasar.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over 1 MiB (a photo upload, {@code POST /api/v1/media}: 5 MiB
 * and its multipart envelope) with 413: at once when {@code Content-Length} says so, and
 * while reading when a chunked body grows past the limit ({@link BodyTooLargeException},
 * which {@link ProblemHandler} turns into the same 413). Only a body of unknown length
 * (chunked) is counted: Tomcat reads no more than a declared {@code Content-Length}, and
 * a request with neither header has no body, so the others pass unwrapped (a wrapper is
 * one more hop on every call any later filter or Spring MVC makes on the request).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BodySizeLimitFilter extends OncePerRequestFilter {

    static final long LIMIT = DataSize.ofMegabytes(1).toBytes();

    /** The media module checks the photo itself against 5 MiB exactly. */
    static final long PHOTO_LIMIT = DataSize.ofMegabytes(5).toBytes() + DataSize.ofKilobytes(64).toBytes();

    static final String PHOTO_PATH = "/api/v1/media";

    static final String DETAIL = "A request body may hold at most 1 MiB (1048576 bytes); a photo at POST " + PHOTO_PATH
            + " at most 5 MiB (5242880 bytes).";

    private final ProblemWriter problems;

    BodySizeLimitFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitOf(request);
        if (request.getContentLengthLong() > limit) {
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                    "Request body too large", DETAIL);
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null
                ? new LimitedRequest(request, limit) : request, response);
    }

    private static long limitOf(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && PHOTO_PATH.equals(request.getRequestURI()) ? PHOTO_LIMIT : LIMIT;
    }

    /** Thrown while reading a body that turns out to be over the limit. */
    static final class BodyTooLargeException extends IOException {

        BodyTooLargeException(long limit) {
            super("request body over " + limit + " bytes");
        }

    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private ServletInputStream stream;

        private final long limit;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding != null ? Charset.forName(encoding) : StandardCharsets.UTF_8;
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream delegate;

        private final long limit;

        private long read;

        LimitedInputStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }

    }

}
