package com.chroniccare.wechat.auth;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaJscode2SessionResult;
import com.chroniccare.core.AccountsApi;
import com.chroniccare.core.CareException;
import com.chroniccare.core.LoginResult;
import com.chroniccare.core.ProblemCode;
import com.chroniccare.core.Role;
import com.chroniccare.core.UserAccount;
import com.chroniccare.wechat.security.LoginRateLimiter;
import com.chroniccare.wechat.security.TokenStore;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private static final Logger log = LoggerFactory.getLogger(AuthController.class);

    private final WxMaService wechat;
    private final AccountsApi accounts;
    private final TokenStore tokens;
    private final LoginRateLimiter limiter;

    AuthController(WxMaService wechat, AccountsApi accounts, TokenStore tokens, LoginRateLimiter limiter) {
        this.wechat = wechat;
        this.accounts = accounts;
        this.tokens = tokens;
        this.limiter = limiter;
    }

    record WeChatLoginRequest(@NotBlank @Size(max = 128) String code, @Size(max = 16) String inviteCode) {
    }

    record StaffLoginRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password) {
    }

    record UserView(String id, Role role, String displayName) {
        static UserView from(UserAccount user) {
            return new UserView(String.valueOf(user.id()), user.role(), user.displayName());
        }
    }

    record LoginResponse(String token, Instant expiresAt, boolean newUser, UserView user) {
    }

    /** Exchanges a wx.login code for the openid; the session_key never leaves the server. */
    @PostMapping("/wechat-login")
    LoginResponse wechatLogin(@Valid @RequestBody WeChatLoginRequest request, HttpServletRequest http) {
        String client = http.getRemoteAddr();
        limiter.attempt(client);
        String openid;
        try {
            WxMaJscode2SessionResult session = wechat.getUserService().getSessionInfo(request.code());
            openid = session.getOpenid();
        } catch (WxErrorException e) {
            int code = e.getError().getErrorCode();
            if (code == 40029 || code == 40163 || code == 163) {
                limiter.failed(client);
                throw new CareException(ProblemCode.WECHAT_LOGIN_FAILED, "auth.wechat-code-invalid");
            }
            log.warn("WeChat jscode2session failed: {}", e.getError());
            throw new CareException(ProblemCode.WECHAT_UNAVAILABLE, "problem.wechat-unavailable");
        } catch (WxRuntimeException e) {
            log.warn("WeChat unreachable: {}", e.getMessage());
            throw new CareException(ProblemCode.WECHAT_UNAVAILABLE, "problem.wechat-unavailable");
        }
        LoginResult result;
        try {
            result = accounts.loginWithWeChat(openid, request.inviteCode());
        } catch (CareException e) {
            limiter.failed(client);
            throw e;
        }
        return respond(result.user(), result.newUser());
    }

    @PostMapping("/staff-login")
    LoginResponse staffLogin(@Valid @RequestBody StaffLoginRequest request, HttpServletRequest http) {
        String client = http.getRemoteAddr();
        limiter.attempt(client);
        try {
            return respond(accounts.staffLogin(request.username(), request.password()), false);
        } catch (CareException e) {
            limiter.failed(client);
            throw e;
        }
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(@RequestHeader("Authorization") String authorization) {
        tokens.revoke(authorization.substring("Bearer ".length()).trim());
        return ResponseEntity.noContent().build();
    }

    private LoginResponse respond(UserAccount user, boolean newUser) {
        TokenStore.Issued issued = tokens.issue(user.id(), user.role());
        return new LoginResponse(issued.token(), issued.expiresAt(), newUser, UserView.from(user));
    }
}
