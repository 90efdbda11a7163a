"""Pictures for WeChat (Pillow): size and type checked, big ones recompressed, covers cropped.

WeChat's in-article upload takes jpg/png under 1 MB cleanly; bigger or other types are
re-encoded here (the original is kept by the caller). Covers need a 2.35:1 crop for the feed
and a 1:1 crop for sharing.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsdesk.content.errors import WordedError

if TYPE_CHECKING:  # Pillow itself loads with the first picture handled
    from PIL import Image

CLEAN_UPLOAD_BYTES = 1_000_000
MAX_WIDTH = 1080  # what a phone shows; wider pictures only cost bytes
MAX_PIXELS = 60_000_000  # refuse decompression bombs long before they cost memory
_MIMES = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp"}
EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif", "image/webp": "webp"}
COVER_RATIOS = {"2.35x1": 2.35, "1x1": 1.0}


class ImageError(WordedError):
    """Not a picture we can use; the message says why in plain words (Chinese, English)."""


@dataclass(frozen=True)
class Picture:
    data: bytes
    mime: str
    width: int
    height: int


def _open(data: bytes) -> Image.Image:
    from PIL import Image, UnidentifiedImageError

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
            if image.width * image.height > MAX_PIXELS:
                raise _too_large(f"{image.width} × {image.height}")
            return image
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            # Pillow stops before it tells the size: far over its own limit, so over ours.
            raise _too_large("") from None
        except UnidentifiedImageError:
            raise ImageError("不是可识别的图片", "not a picture Newsdesk can read") from None
        except OSError as error:
            raise ImageError(f"图片已损坏：{error}", f"the picture is damaged: {error}") from None


def _too_large(size: str) -> ImageError:
    limit = MAX_PIXELS // 1_000_000
    zh_size, en_size = (f"（{size} 像素）", f" ({size} pixels)") if size else ("", "")
    return ImageError(
        f"图片太大{zh_size}：最多 {MAX_PIXELS // 10_000} 万像素（如 10000 × 6000）",
        f"the picture is too large{en_size}: Newsdesk takes up to {limit} million pixels"
        " (e.g. 10000 × 6000)",
    )


def inspect(data: bytes) -> Picture:
    image = _open(data)
    mime = _MIMES.get(image.format or "")
    if mime is None:
        raise ImageError(
            f"不支持的图片格式 {image.format}（可用 jpg、png、gif、webp）",
            f"unsupported picture format {image.format} (use jpg, png, gif or webp)",
        )
    return Picture(data, mime, image.width, image.height)


def _encode_jpeg(image: Image.Image, limit: int) -> bytes:
    from PIL import Image

    if image.mode in {"RGBA", "LA", "P"}:
        image = image.convert("RGBA")
        flat = Image.new("RGB", image.size, (255, 255, 255))
        flat.paste(image, mask=image.getchannel("A"))
        image = flat
    elif image.mode != "RGB":
        image = image.convert("RGB")
    data = b""
    for quality in (85, 78, 70, 60, 50):
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=quality, optimize=True, progressive=True)
        data = buffer.getvalue()
        if len(data) <= limit:
            break
    return data


def for_wechat(data: bytes) -> tuple[Picture, bool]:
    """The picture to put in the article, and whether it had to be recompressed."""
    from PIL import Image, ImageOps

    original = inspect(data)
    clean = original.mime in {"image/jpeg", "image/png", "image/gif"}
    if clean and len(data) <= CLEAN_UPLOAD_BYTES:
        return original, False
    if original.mime == "image/gif":
        return original, False  # an animation would lose its frames; warned about by the caller
    try:
        image = ImageOps.exif_transpose(_open(data))
        image.load()
    except OSError as error:
        raise ImageError(f"图片已损坏：{error}", f"the picture is damaged: {error}") from None
    if image.width > MAX_WIDTH:
        height = max(1, round(image.height * MAX_WIDTH / image.width))
        image = image.resize((MAX_WIDTH, height), Image.Resampling.LANCZOS)
    encoded = _encode_jpeg(image, CLEAN_UPLOAD_BYTES)
    return Picture(encoded, "image/jpeg", image.width, image.height), True


def for_upload(data: bytes, limit: int) -> Picture:
    """The picture as jpg or png of at most `limit` bytes, what WeChat's uploads take: kept as
    it is when it already is one, else re-encoded (a GIF keeps its first frame)."""
    from PIL import Image, ImageOps

    picture = inspect(data)
    if picture.mime in {"image/jpeg", "image/png"} and len(data) <= limit:
        return picture
    try:
        image = ImageOps.exif_transpose(_open(data))
        image.load()
    except OSError as error:
        raise ImageError(f"图片已损坏：{error}", f"the picture is damaged: {error}") from None
    if image.width > MAX_WIDTH and len(data) > limit:
        height = max(1, round(image.height * MAX_WIDTH / image.width))
        image = image.resize((MAX_WIDTH, height), Image.Resampling.LANCZOS)
    encoded = _encode_jpeg(image, limit)
    if len(encoded) > limit:
        raise ImageError(
            "图片压缩后仍然过大，无法上传", "the picture is still too large after recompressing"
        )
    return Picture(encoded, "image/jpeg", image.width, image.height)


def crop_box(
    width: int, height: int, ratio: float, focus: tuple[float, float] = (0.5, 0.5)
) -> tuple[int, int, int, int]:
    """The largest `ratio` (width / height) box centred as near `focus` as fits."""
    if width / height > ratio:
        crop_w, crop_h = round(height * ratio), height
    else:
        crop_w, crop_h = width, round(width / ratio)
    fx, fy = (min(max(v, 0.0), 1.0) for v in focus)
    left = min(max(round(fx * width - crop_w / 2), 0), width - crop_w)
    top = min(max(round(fy * height - crop_h / 2), 0), height - crop_h)
    return left, top, left + crop_w, top + crop_h


def crop_fractions(data: bytes, ratio: float, focus: tuple[float, float] = (0.5, 0.5)) -> str:
    """The same crop as `crop_cover`, as WeChat's draft API takes it: `X1_Y1_X2_Y2`, fractions
    of the (upright) picture with at most six decimals."""
    from PIL import ImageOps

    image = ImageOps.exif_transpose(_open(data))
    width, height = image.size
    left, top, right, bottom = crop_box(width, height, ratio, focus)
    return "_".join(
        f"{value:.6f}".rstrip("0").rstrip(".") or "0"
        for value in (left / width, top / height, right / width, bottom / height)
    )


def crop_cover(data: bytes, ratio: float, focus: tuple[float, float] = (0.5, 0.5)) -> Picture:
    """The largest `ratio` (width / height) crop centred as near `focus` as fits, as JPEG."""
    from PIL import Image, ImageOps

    image = ImageOps.exif_transpose(_open(data))
    cropped = image.crop(crop_box(image.width, image.height, ratio, focus))
    if cropped.width > MAX_WIDTH:
        cropped = cropped.resize(
            (MAX_WIDTH, max(1, round(MAX_WIDTH / ratio))), Image.Resampling.LANCZOS
        )
    encoded = _encode_jpeg(cropped, CLEAN_UPLOAD_BYTES)
    return Picture(encoded, "image/jpeg", cropped.width, cropped.height)
