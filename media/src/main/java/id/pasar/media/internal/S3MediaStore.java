package id.pasar.media.internal;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Images in an S3-compatible bucket, through the AWS SDK v2 on the JDK's
 * {@code HttpURLConnection} (no Netty, no native CRT). Objects are immutable, so no
 * versioning or conditional write is needed.
 */
public class S3MediaStore implements MediaStore, AutoCloseable {

    private final S3Client s3;

    private final String bucket;

    public S3MediaStore(MediaProperties.S3 settings) {
        if (settings.bucket() == null || settings.bucket().isBlank()) {
            throw new IllegalStateException(
                    "pasar.media.store=s3 needs pasar.media.s3.bucket (MARKETPLACE_MEDIA_S3_BUCKET)");
        }
        this.bucket = settings.bucket();
        S3ClientBuilder builder = S3Client.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .region(Region.of(settings.region()))
            .credentialsProvider(credentials(settings))
            .forcePathStyle(settings.pathStyle())
            // Checksums only where S3 requires them: the SDK's default (a CRC trailer in
            // an
            // aws-chunked body on every upload) is what several S3-compatible servers
            // refuse.
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        this.s3 = builder.build();
    }

    private static AwsCredentialsProvider credentials(MediaProperties.S3 settings) {
        if (settings.accessKeyId() == null || settings.accessKeyId().isBlank()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider
            .create(AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey()));
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        s3.putObject(request -> request.bucket(bucket)
            .key(key)
            .contentType(contentType)
            .contentLength((long) bytes.length)
            .cacheControl("public, max-age=31536000, immutable"), RequestBody.fromBytes(bytes));
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray());
        }
        catch (NoSuchKeyException ex) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(request -> request.bucket(bucket).key(key));
    }

    @Override
    public void close() {
        s3.close();
    }

}
