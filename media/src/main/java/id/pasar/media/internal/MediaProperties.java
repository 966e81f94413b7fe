package id.pasar.media.internal;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The media module's settings ({@code pasar.media.*}; docs/media.md).
 *
 * @param store {@code files} (the default: {@code directory}) or {@code s3}
 * @param directory where {@code files} keeps images; application.yml puts it under the
 * data directory ({@code <data dir>/media})
 * @param maxPixels the most pixels (width times height, read from the header before any
 * decoding) an upload may declare: 40 megapixels is beyond any phone camera and decodes
 * into 160 MB at most
 * @param s3 the bucket of {@code s3}
 */
@ConfigurationProperties("pasar.media")
public record MediaProperties(@DefaultValue("files") String store, @DefaultValue("./data/media") Path directory,
        @DefaultValue("40000000") long maxPixels, @DefaultValue S3 s3) {

    /**
     * An S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, an Indonesian region such as
     * ap-southeast-3 Jakarta).
     *
     * @param bucket the bucket's name
     * @param endpoint the service's URL; empty for AWS's own endpoint of {@code region}
     * @param region the signing region
     * @param accessKeyId the key id; empty: the AWS SDK's default chain (instance role,
     * {@code AWS_*} variables)
     * @param secretAccessKey its secret
     * @param pathStyle {@code https://endpoint/bucket/key} instead of
     * {@code https://bucket.endpoint/key}, which most S3-compatible servers need
     */
    public record S3(String bucket, String endpoint, @DefaultValue("ap-southeast-3") String region, String accessKeyId,
            String secretAccessKey, @DefaultValue("true") boolean pathStyle) {
    }

}
