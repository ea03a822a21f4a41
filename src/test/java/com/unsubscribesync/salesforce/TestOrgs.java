package com.unsubscribesync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import java.net.ProxySelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;

/** Connections to an in-process local org, configured as the app configures them, with waits recorded not slept. */
final class TestOrgs {
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    /** The Bulk API polling waits asked for; instead of sleeping, each lets the org finish its batches. */
    final List<Duration> bulkWaits = new CopyOnWriteArrayList<>();

    private final ConnectionOptions options;

    TestOrgs() {
        this(Duration.ofSeconds(20));
    }

    TestOrgs(Duration readTimeout) {
        RetryPolicy retry = new RetryPolicy(
                4, Duration.ofMillis(100), Duration.ofMillis(250), waits::add, RandomGenerator.of("L64X128MixRandom"));
        options = new ConnectionOptions(Duration.ofSeconds(5), readTimeout, "UnsubscribeSyncTest/1", retry);
    }

    static LocalOrg start(int people) throws Exception {
        return LocalOrg.start(LocalOrgOptions.defaults().withPeople(people));
    }

    ConnectorConfigs configs() {
        return new ConnectorConfigs(options, ProxySelector.getDefault());
    }

    ConnectorConfigs configs(RetryPolicy.Sleeper sleeper) {
        return new ConnectorConfigs(
                options.withRetry(options.retry().withSleeper(sleeper)), ProxySelector.getDefault());
    }

    OrgSignIn signIn(int reservePercent) {
        return new OrgSignIn(configs(), ProxySelector.getDefault(), () -> reservePercent);
    }

    TokenEndpoint tokens(LocalOrg org) {
        return new TokenEndpoint(LoginUrl.parse(org.url()), org.clientId(), options, ProxySelector.getDefault());
    }

    /** Client credentials, no reserve. */
    ForceWscOrg connect(LocalOrg org) {
        return connect(org, configs(bulkPolling(org)), 0);
    }

    ConnectorConfigs configs(BulkPolling polling) {
        return new ConnectorConfigs(options.withBulkPolling(polling), ProxySelector.getDefault());
    }

    BulkPolling bulkPolling(LocalOrg org) {
        return BulkPolling.defaults().withSleeper(delay -> {
            bulkWaits.add(delay);
            org.bulkJobs().awaitIdle(Duration.ofSeconds(30));
        });
    }

    ForceWscOrg connect(LocalOrg org, ConnectorConfigs configs, int reservePercent) {
        return connect(org, configs, reservePercent, 1);
    }

    ForceWscOrg connect(LocalOrg org, ConnectorConfigs configs, int reservePercent, int callsInFlight) {
        return ForceWscOrg.open(
                configs,
                SessionSource.clientCredentials(tokens(org), org.clientSecret()),
                () -> reservePercent,
                () -> callsInFlight,
                false,
                () -> {});
    }

    /** The first {@code count} live Contacts not yet opted out, read with one pull. */
    static List<SalesforceId> contacts(ForceWscOrg connected, int count) {
        List<SalesforceId> ids = new ArrayList<>();
        connected
                .records()
                .pullChanged(
                        SObjectType.CONTACT,
                        OptOutField.EMAIL_OPT_OUT_API_NAME,
                        Optional.empty(),
                        chunk -> chunk.stream()
                                .filter(r -> !r.optedOut() && !r.deleted())
                                .forEach(r -> ids.add(r.id())));
        assertThat(ids.size()).isGreaterThanOrEqualTo(count);
        return List.copyOf(ids.subList(0, count));
    }
}
