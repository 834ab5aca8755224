package com.chroniccare.groups;

import java.util.List;

public interface StickersApi {

    List<Sticker> catalogue();

    /** Stickers the user earned, newest first. */
    List<Award> awardsOf(long userId);
}
