/**
 * The outbox's events on Kafka (ADR 0031, docs/events.md): when
 * {@code pasar.kafka.bootstrap-servers} is set, the events of {@link EventTopics} are
 * sent, after their transaction commits, to one topic per aggregate, keyed by the
 * aggregate's id, as JSON with a type and a version in the headers. Off by default:
 * nothing here exists then, and events stay in the process.
 */
package id.pasar.gateway.events;
