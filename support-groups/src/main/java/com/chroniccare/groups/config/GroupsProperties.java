package com.chroniccare.groups.config;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import com.chroniccare.groups.Sticker;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code care.groups.*}.
 *
 * @param maxMembers      members per group, the owner included
 * @param postsPerMinute  posts one member may make per minute
 * @param reportsToHide   reports from different members that hide a post until the doctor reviews it
 * @param sensitiveWords  checked before WeChat's check; a hit rejects the post
 * @param stickers        the sticker catalogue
 * @param mediaUrl        where WeChat fetches a post's image to check it; {id} is the client's media id
 * @param localHeads      feed heads each instance keeps in memory (about 10 KB each)
 */
@Validated
@ConfigurationProperties("care.groups")
public record GroupsProperties(@Min(2) @Max(5000) @DefaultValue("500") int maxMembers,
                               @Min(1) @DefaultValue("5") int postsPerMinute,
                               @Min(1) @DefaultValue("3") int reportsToHide,
                               @NotNull @DefaultValue({"代开处方", "包治百病", "根治糖尿病", "停药偏方"}) List<String> sensitiveWords,
                               @NotNull @DefaultValue({"applause:鼓掌", "thumbs-up:点赞", "heart:爱心", "strong-arm:加油",
                                       "flower:鲜花"}) List<String> stickers,
                               @NotNull @DefaultValue("https://media.invalid/{id}") String mediaUrl,
                               @Min(0) @DefaultValue("10000") int localHeads) {

    public List<Sticker> catalogue() {
        return stickers.stream().map(s -> s.split(":", 2)).map(p -> new Sticker(p[0], p.length > 1 ? p[1] : p[0])).toList();
    }
}
