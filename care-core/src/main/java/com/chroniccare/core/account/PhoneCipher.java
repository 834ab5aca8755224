package com.chroniccare.core.account;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.chroniccare.core.config.CoreProperties;
import org.springframework.stereotype.Component;

/** AES-256-GCM for phone numbers at rest: base64(12-byte nonce || ciphertext+tag). */
@Component
class PhoneCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    PhoneCipher(CoreProperties properties) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(properties.crypto().phoneKey());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("care.crypto.phone-key must be base64", e);
        }
        if (raw.length != 32) {
            throw new IllegalStateException("care.crypto.phone-key must be 32 bytes (base64 of `openssl rand 32`)");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    String encrypt(String plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("phone encryption failed", e);
        }
    }

    String decrypt(String stored) {
        byte[] all = Base64.getDecoder().decode(stored);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("phone decryption failed: wrong care.crypto.phone-key?", e);
        }
    }
}
