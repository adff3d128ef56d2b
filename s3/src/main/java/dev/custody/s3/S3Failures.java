package dev.custody.s3;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.io.IOException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Translates SDK and I/O failures into Custody's errors at the adapter's edge, keeping the cause. */
final class S3Failures {
    private S3Failures() {}

    static CustodyException unavailable(String action, String bucket, Exception cause) {
        String reason = cause instanceof SdkException sdk ? reason(sdk) : cause.getMessage();
        String message = "blob store could not " + action + " S3 bucket '" + bucket + "'"
                + (reason == null ? "" : ": " + reason);
        return new CustodyException(ErrorCode.STORAGE_UNAVAILABLE, message, cause);
    }

    /** An SDK failure as an I/O failure of the upload stream that a content callback writes to. */
    static IOException asIOException(SdkException e) {
        return new IOException(reason(e), e);
    }

    /**
     * What went wrong, short and safe to show: the service's error code and HTTP status, or the
     * client's own message (connection refused, timed out). Neither holds the secret: requests are
     * signed with it, never carry it.
     */
    static String reason(SdkException e) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null
                    ? null
                    : service.awsErrorDetails().errorCode();
            return (code == null ? "" : code + " ") + "(HTTP " + service.statusCode() + ")";
        }
        return e.getMessage();
    }
}
