package katagym.web.ingest;

/** A report refused, with the HTTP status and the reason the client is told. Nothing was stored. */
public final class BadReport extends RuntimeException {
    private final int status;

    public BadReport(int status, String reason) {
        super(reason);
        this.status = status;
    }

    public int status() { return status; }
}
