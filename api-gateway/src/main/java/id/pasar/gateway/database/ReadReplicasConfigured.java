package id.pasar.gateway.database;

import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * True when {@code pasar.read-replicas.urls} names at least one replica: only then does
 * anything of ADR 0033 exist in the application.
 */
class ReadReplicasConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return Binder.get(context.getEnvironment())
            .bind("pasar.read-replicas.urls", Bindable.listOf(String.class))
            .orElse(List.of())
            .stream()
            .anyMatch(url -> !url.isBlank());
    }

}
