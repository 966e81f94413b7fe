package id.pasar.media.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The store that {@code pasar.media.store} names: {@code files} or {@code s3}. */
@Configuration(proxyBeanMethods = false)
class MediaStoreConfiguration {

    @Bean
    MediaStore mediaStore(MediaProperties properties) {
        return switch (properties.store()) {
            case "files" -> new FileMediaStore(properties.directory());
            case "s3" -> new S3MediaStore(properties.s3());
            default -> throw new IllegalStateException(
                    "pasar.media.store (MARKETPLACE_MEDIA_STORE) must be files or s3, not " + properties.store());
        };
    }

}
