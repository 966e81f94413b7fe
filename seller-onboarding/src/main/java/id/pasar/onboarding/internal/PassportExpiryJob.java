package id.pasar.onboarding.internal;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every day just after midnight in Jakarta, on one instance only (ShedLock), passports
 * are checked.
 */
@Slf4j
@Component
@RequiredArgsConstructor
class PassportExpiryJob {

    private final SellerOnboarding onboarding;

    @Scheduled(cron = "${pasar.onboarding.passport-check-cron:0 5 0 * * *}", zone = "Asia/Jakarta")
    @SchedulerLock(name = "onboarding.expire-passports", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void expirePassports() {
        int handled = onboarding.expirePassports();
        log.info("Passport check: {} sellers with an expired passport handled", handled);
    }

}
