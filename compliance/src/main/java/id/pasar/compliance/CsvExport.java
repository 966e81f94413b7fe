package id.pasar.compliance;

import jakarta.servlet.http.HttpServletResponse;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * An auditor's CSV download (RFC 4180, UTF-8), written row by row so a long export needs
 * constant memory. Every text cell that a spreadsheet would run as a formula (one
 * starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return: a
 * staff reason such as {@code =HYPERLINK(...)}) is written with a leading apostrophe, so
 * it is shown, never run (OWASP, CSV injection). Numbers, dates and ids are written as
 * they are.
 */
public final class CsvExport implements Closeable {

    private final CSVPrinter printer;

    private CsvExport(Writer writer, String... header) throws IOException {
        this.printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header).get());
    }

    /** A download named {@code filename}, its header row written. */
    public static CsvExport download(HttpServletResponse response, String filename, String... header)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        return new CsvExport(response.getWriter(), header);
    }

    /** One row; usable inside a streaming callback (an I/O failure is unchecked). */
    public void row(Object... cells) {
        Object[] safe = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            safe[i] = neutralised(cells[i]);
        }
        try {
            printer.printRecord(safe);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Object neutralised(Object cell) {
        if (cell instanceof CharSequence text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return cell;
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }

}
