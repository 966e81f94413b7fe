package id.pasar.gateway;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Periodic housekeeping. Jobs that must run once across instances take a ShedLock lock (architecture.md). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {
}
