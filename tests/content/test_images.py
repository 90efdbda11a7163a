"""Pictures: recompressed for WeChat when too big, covers cropped, bad files refused."""

from __future__ import annotations

import io
import random

import pytest
from PIL import Image

from newsdesk.content.images import (
    CLEAN_UPLOAD_BYTES,
    ImageError,
    crop_cover,
    for_wechat,
    inspect,
)


def _noise_png(width: int, height: int) -> bytes:
    rng = random.Random(1)
    image = Image.frombytes("RGB", (width, height), rng.randbytes(width * height * 3))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _jpeg(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 120, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


def test_a_big_picture_is_recompressed_under_the_clean_upload_size() -> None:
    big = _noise_png(1600, 1000)
    assert len(big) > CLEAN_UPLOAD_BYTES
    picture, recompressed = for_wechat(big)
    assert recompressed and picture.mime == "image/jpeg"
    assert len(picture.data) <= CLEAN_UPLOAD_BYTES
    assert (picture.width, picture.height) == (1080, 675)


def test_a_small_jpeg_is_left_alone() -> None:
    small = _jpeg(640, 480)
    picture, recompressed = for_wechat(small)
    assert (
        not recompressed and picture.data == small and (picture.width, picture.height) == (640, 480)
    )


def test_webp_is_converted_because_wechat_uploads_take_jpg_and_png() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (50, 40), (10, 20, 30)).save(buffer, "WEBP")
    picture, recompressed = for_wechat(buffer.getvalue())
    assert recompressed and picture.mime == "image/jpeg"


@pytest.mark.parametrize(("name", "ratio"), [("2.35x1", 2.35), ("1x1", 1.0)])
def test_cover_crops_have_the_feed_and_sharing_ratios(name: str, ratio: float) -> None:
    picture = crop_cover(_jpeg(1200, 900), ratio)
    assert abs(picture.width / picture.height - ratio) < 0.01
    assert inspect(picture.data).mime == "image/jpeg"


def test_not_a_picture_and_decompression_bombs_are_refused() -> None:
    with pytest.raises(ImageError, match="not a picture"):
        inspect(b"GIF89a but not really")
    buffer = io.BytesIO()
    Image.new("1", (12_000, 12_000)).save(buffer, "PNG")  # 144 Mpx, a few kB on disk
    with pytest.raises(ImageError, match="too large"):
        for_wechat(buffer.getvalue())
