package com.chroniccare.wechat.security;

import jakarta.servlet.DispatcherType;

import com.chroniccare.core.Problem;
import com.chroniccare.core.ProblemCode;
import com.chroniccare.wechat.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, TokenStore tokens, Problems problems) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        // The request was authorised when it began; an SSE stream's later async and error dispatches
                        // carry no bearer token and must not be re-checked (the response is already committed).
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/api/v1/auth/wechat-login", "/api/v1/auth/staff-login", "/wechat/callback",
                                "/actuator/health/**", "/actuator/prometheus", "/v3/api-docs/**", "/swagger-ui/**",
                                "/swagger-ui.html", "/sandbox/**", "/error").permitAll()
                        .requestMatchers("/api/v1/staff/**").hasAnyRole("DOCTOR", "CLINICIAN", "ADMIN")
                        .requestMatchers("/api/v1/readings/**", "/api/v1/me/consents/**", "/api/v1/me/export",
                                "/api/v1/me/phone", "/api/v1/me/profile", "/api/v1/me/care-team", "/api/v1/medications/**",
                                "/api/v1/reminders/**", "/api/v1/adherence").hasRole("PATIENT")
                        .requestMatchers("/api/v1/me/credentials").hasAnyRole("DOCTOR", "CLINICIAN", "ADMIN")
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> problems.write(request, response,
                                Problem.of(ProblemCode.UNAUTHENTICATED, "problem.unauthenticated")))
                        .accessDeniedHandler((request, response, ex) -> problems.write(request, response,
                                Problem.of(ProblemCode.FORBIDDEN, "problem.forbidden"))))
                .build();
    }
}
