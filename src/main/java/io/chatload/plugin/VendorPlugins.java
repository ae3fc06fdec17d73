package io.chatload.plugin;

import io.chatload.config.ChatloadConfig;
import io.chatload.config.SourceConfig;
import io.chatload.outbox.OutboxKind;
import io.chatload.webhook.WebhookReceiver;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.apache.camel.CamelContext;

/**
 * The vendor plug-ins found, by vendor name in alphabetical order (so outboxes drain and receivers start in the same
 * order on every classpath), and what they make for the configured sources.
 */
public final class VendorPlugins {

    private final List<VendorPlugin> plugins;

    private VendorPlugins(Collection<VendorPlugin> plugins) {
        Map<String, VendorPlugin> byVendor = new TreeMap<>();
        plugins.forEach(plugin -> byVendor.put(plugin.vendor(), plugin)); // a later one of a vendor replaces it
        this.plugins = List.copyOf(byVendor.values());
    }

    /** Those on the classpath, through {@code META-INF/services/io.chatload.plugin.VendorPlugin}. */
    public static VendorPlugins installed() {
        List<VendorPlugin> found = new ArrayList<>();
        ServiceLoader.load(VendorPlugin.class, VendorPlugins.class.getClassLoader()).forEach(found::add);
        return new VendorPlugins(found);
    }

    /**
     * Those on the classpath and the beans of type {@link VendorPlugin} in the context's registry: a host adds a
     * vendor, or replaces an installed vendor's plug-in, by binding one before chatload is installed.
     */
    public static VendorPlugins of(CamelContext context) {
        List<VendorPlugin> all = new ArrayList<>(installed().plugins);
        context.getRegistry().findByType(VendorPlugin.class).stream()
                .sorted(Comparator.comparing(VendorPlugin::vendor)).forEach(all::add);
        return new VendorPlugins(all);
    }

    public List<VendorPlugin> all() {
        return plugins;
    }

    /**
     * The names of the sources of a vendor: its own, named after it, then every account declared as an instance of it
     * ({@code chatload.<instance>.vendor}), each with an outbox and a webhook receiver of its own. An instance named
     * like a vendor is not one (the catalog refuses it in one line): that name stays the vendor's.
     */
    private List<String> sourcesOf(ChatloadConfig config, VendorPlugin plugin) {
        return config.sourceInstances(plugin.vendor()).stream().map(SourceConfig::name)
                .filter(name -> name.equals(plugin.vendor()) || plugins.stream().noneMatch(p -> p.vendor().equals(name)))
                .toList();
    }

    /**
     * The outboxes of every enabled source. A source whose vendor has outboxes must have a usable base URL, enabled
     * or not ({@link ChatloadConfig#source} refuses it in one line); that of a vendor without outboxes is the
     * catalog's to report.
     */
    public List<OutboxKind> outboxes(ChatloadConfig config) {
        List<OutboxKind> kinds = new ArrayList<>();
        for (VendorPlugin plugin : plugins) {
            for (String name : sourcesOf(config, plugin)) {
                if (plugin.outboxes(config.sourceSettings(name)).isEmpty()) {
                    continue;
                }
                SourceConfig source = config.source(name);
                if (source.enabled()) {
                    kinds.addAll(plugin.outboxes(source));
                }
            }
        }
        return kinds;
    }

    /** The ids of every source's outboxes, enabled or not: the names {@code run --once --resources} takes for them. */
    public List<String> outboxIds(ChatloadConfig config) {
        List<String> ids = new ArrayList<>();
        for (VendorPlugin plugin : plugins) {
            for (String name : sourcesOf(config, plugin)) {
                plugin.outboxes(config.sourceSettings(name)).forEach(kind -> ids.add(kind.id()));
            }
        }
        return ids;
    }

    /** A receiver for every source whose vendor has one, enabled or not, by source name. */
    public Map<String, WebhookReceiver> webhookReceivers(ChatloadConfig config) {
        Map<String, WebhookReceiver> receivers = new LinkedHashMap<>();
        for (VendorPlugin plugin : plugins) {
            for (String name : sourcesOf(config, plugin)) {
                WebhookReceiver receiver = plugin.webhookReceiver();
                if (receiver != null) {
                    receivers.put(name, receiver);
                }
            }
        }
        return receivers;
    }
}
