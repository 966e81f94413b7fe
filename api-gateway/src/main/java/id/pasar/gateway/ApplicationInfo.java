package id.pasar.gateway;

import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/info} for anyone: {@code {"application": {"name", "version"}}}, the
 * version from the build (unknown when run from classes without one), and nothing else.
 */
@Component
class ApplicationInfo implements InfoContributor {

    private final String version;

    ApplicationInfo(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        this.version = properties != null && properties.getVersion() != null ? properties.getVersion() : "unknown";
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("application", Map.of("name", "pasar", "version", version));
    }

}
