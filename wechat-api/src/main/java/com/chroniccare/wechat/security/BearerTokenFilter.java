package com.chroniccare.wechat.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.chroniccare.core.Problem;
import com.chroniccare.core.ProblemCode;
import com.chroniccare.wechat.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Resolves {@code Authorization: Bearer <token>} against the {@link TokenStore}. */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);
    private static final String PREFIX = "Bearer ";

    private final TokenStore tokens;
    private final Problems problems;

    BearerTokenFilter(TokenStore tokens, Problems problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            try {
                tokens.lookup(header.substring(PREFIX.length()).trim()).ifPresent(user ->
                        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(
                                user, null, List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())))));
            } catch (DataAccessException e) {
                log.warn("token store unavailable: {}", e.getMessage());
                problems.write(request, response, Problem.of(ProblemCode.SERVICE_UNAVAILABLE, "problem.unavailable"));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
