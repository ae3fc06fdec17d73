package io.chatload.spring;

import io.chatload.embed.ChatloadRoutes;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * chatload in a Camel Spring Boot application: with chatload on the classpath, the host's CamelContext gets
 * chatload's routes before it starts, with every {@code chatload.*} setting read from Spring's Environment
 * ({@code application.properties} or YAML, profiles, environment variables). {@code chatload.enabled=false} turns it off.
 */
@AutoConfiguration(afterName = "org.apache.camel.spring.boot.CamelAutoConfiguration")
@ConditionalOnClass(CamelContextConfiguration.class)
@ConditionalOnProperty(prefix = "chatload", name = "enabled", havingValue = "true", matchIfMissing = true)
public class ChatloadAutoConfiguration {

    @Bean
    CamelContextConfiguration chatloadCamelContextConfiguration(ConfigurableEnvironment environment) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext context) {
                try {
                    ChatloadRoutes.install(context, SpringSettings.from(environment));
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException("chatload could not be added to the CamelContext: " + e.getMessage(), e);
                }
            }

            @Override
            public void afterApplicationStart(CamelContext context) {
            }
        };
    }
}
