"""Pictures in the store, addressed by content hash, named in Markdown as `media/<sha256>.jpg`.

Importing a file moves the pictures it names into the store (recompressed for WeChat when they
are too big, the original kept beside), so an article never depends on a folder on one PC.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass

from newsdesk.content.figures import local_path
from newsdesk.content.images import (
    COVER_RATIOS,
    EXTENSIONS,
    ImageError,
    crop_cover,
    for_wechat,
    inspect,
)
from newsdesk.core.context import Context
from newsdesk.core.errors import InvalidInput

MEDIA_REF = re.compile(r"^media/([0-9a-f]{64})(?:\.\w+)?$")
# A cover is a stored picture plus where to centre its crops: media/<hash>.jpg?focus=0.50,0.30
COVER_REF = re.compile(r"^(media/[0-9a-f]{64}\.\w+)(?:\?focus=([01](?:\.\d+)?),([01](?:\.\d+)?))?$")
# ![alt](src "title") and <img src="..."> as reporters write them
_MARKDOWN_IMAGE = re.compile(r"(!\[[^\]\n]*\]\()(<[^>\n]+>|[^)\s]+)((?:\s+\"[^\"\n]*\")?\))")
_HTML_IMAGE = re.compile(r"(<img\b[^>]*?\bsrc=[\"'])([^\"']+)([\"'])", re.IGNORECASE)
_REMOTE = re.compile(r"^(https?:|data:|mailto:)", re.IGNORECASE)


@dataclass(frozen=True)
class StoredPicture:
    ref: str  # what the Markdown names: media/<hash>.<ext>
    width: int
    height: int
    recompressed: bool


class MediaService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def add(self, data: bytes) -> StoredPicture:
        """Store a picture (and its original if it had to be recompressed). Idempotent."""
        try:
            picture, recompressed = for_wechat(data)
        except ImageError as error:
            raise InvalidInput(error.zh, error.en) from None
        digest = hashlib.sha256(picture.data).hexdigest()
        now = self._ctx.clock()
        repo = self._ctx.repo
        with repo.transaction():
            original = None
            if recompressed:
                original = hashlib.sha256(data).hexdigest()
                kept = inspect(data)
                repo.put_media(original, data, kept.mime, kept.width, kept.height, now)
            repo.put_media(
                digest, picture.data, picture.mime, picture.width, picture.height, now, original
            )
        ref = f"media/{digest}.{EXTENSIONS[picture.mime]}"
        return StoredPicture(ref, picture.width, picture.height, recompressed)

    def get(self, ref: str) -> bytes | None:
        match = MEDIA_REF.match(ref)
        if not match:
            return None
        found = self._ctx.repo.get_media(match.group(1))
        return found[1] if found else None

    def cover_ref(self, data: bytes, focus: tuple[float, float] = (0.5, 0.5)) -> str:
        """Store a cover picture; the article's `cover` field names it and its crop centre."""
        if not all(0.0 <= v <= 1.0 for v in focus):
            raise InvalidInput("裁剪中心应在 0 到 1 之间", "the crop focus must be between 0 and 1")
        stored = self.add(data)
        self.cover_crops(
            stored.ref
        )  # a picture that cannot be cropped is refused now, not at export
        if focus == (0.5, 0.5):
            return stored.ref
        return f"{stored.ref}?focus={focus[0]:.2f},{focus[1]:.2f}"

    def cover(self, cover: str) -> tuple[bytes, tuple[float, float]]:
        """An article's cover picture and where its crops are centred."""
        match = COVER_REF.match(cover)
        if not match:
            raise InvalidInput(
                f"封面不是已存储的图片：{cover}", f"the cover is not a stored picture: {cover}"
            )
        ref = match.group(1)
        focus = (float(match.group(2)), float(match.group(3))) if match.group(2) else (0.5, 0.5)
        data = self.get(ref)
        if data is None:
            raise InvalidInput(f"找不到封面图片：{ref}", f"cover picture not found: {ref}")
        return data, focus

    def cover_crops(self, cover: str) -> dict[str, bytes]:
        """The feed (2.35:1) and sharing (1:1) crops of an article's cover, as JPEG."""
        data, focus = self.cover(cover)
        try:
            return {
                name: crop_cover(data, ratio, focus).data for name, ratio in COVER_RATIOS.items()
            }
        except ImageError as error:
            raise InvalidInput(error.zh, error.en) from None

    def take_in(
        self, body: str, read: Callable[[str], bytes | None]
    ) -> tuple[str, list[tuple[str, str]]]:
        """Store every local picture the body names and point the body at the stored copy.

        Returns the new body and (zh, en) warnings for pictures that could not be taken in
        (those references are left as written, so nothing the writer typed is lost)."""
        problems: list[tuple[str, str]] = []
        done: dict[str, str] = {}

        def swap(src: str) -> str:
            bare = src[1:-1] if src.startswith("<") and src.endswith(">") else src
            if _REMOTE.match(bare) or MEDIA_REF.match(bare):
                return src
            if bare not in done:
                path = local_path(bare)
                data = read(path)
                if data is None:
                    problems.append((f"找不到图片：{path}", f"image not found: {path}"))
                    done[bare] = src
                else:
                    try:
                        done[bare] = self.add(data).ref
                    except InvalidInput as error:
                        problems.append(
                            (f"{path}：{error.message('zh')}", f"{path}: {error.message('en')}")
                        )
                        done[bare] = src
            return done[bare]

        body = _MARKDOWN_IMAGE.sub(lambda m: m.group(1) + swap(m.group(2)) + m.group(3), body)
        body = _HTML_IMAGE.sub(lambda m: m.group(1) + swap(m.group(2)) + m.group(3), body)
        return body, problems
