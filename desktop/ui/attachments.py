"""The forms' attachment source over AttachmentService, and the session's folder of opened copies."""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from desktop.domain.errors import RecordInUseError, RecordNotFoundError, StaleRecordError, StorageError
from desktop.domain.evidence import Attachment, CustodyEntry
from desktop.domain.kinds import RecordKind
from desktop.domain.passphrases import Passphrase
from desktop.services.attachments import AttachmentError, AttachmentService, NewFile
from desktop.ui.forms.attachment_source import AttachmentProblem
from desktop.ui.plain_export_question import Encryptable
from desktop.ui.translated import kind_noun, translate

log = logging.getLogger(__name__)


class OpenedCopies:
    """One owner-only temporary folder (in memory where the system has one: `memory_folder`) for the verified
    copies opened (shown in their program, previewed) while the program runs; made when first needed, removed when
    the program quits (`remove`, also run at exit)."""

    def __init__(self) -> None:
        self._folder: Path | None = None

    def folder(self) -> Path:
        if self._folder is None or not self._folder.is_dir():
            self._folder = Path(tempfile.mkdtemp(prefix="incident-logger-open-", dir=memory_folder()))  # 0700
            atexit.register(self.remove)
        return self._folder

    def remove(self) -> None:
        folder, self._folder = self._folder, None
        if folder is not None and folder.exists():
            shutil.rmtree(folder, onerror=_writable_and_again)


def memory_folder() -> str | None:
    """Where opened copies go: a folder in memory when the system has one (the user's runtime folder, a tmpfs on
    Linux, else /dev/shm), so the plain copy of an encrypted database's file never reaches the disk; None (the
    temporary folder) elsewhere."""
    for candidate in (os.environ.get("XDG_RUNTIME_DIR"), "/dev/shm"):
        if candidate and os.path.isdir(candidate) and os.access(candidate, os.W_OK | os.X_OK):
            return candidate
    return None


def _writable_and_again(function: Callable[..., object], path: str, _info: object) -> None:
    """The copies are read-only (Windows refuses to remove them so): make them writable and try once more."""
    try:
        os.chmod(path, stat.S_IWRITE | stat.S_IREAD | stat.S_IEXEC)
        function(path)
    except OSError:
        log.warning("could not remove the opened copy %s", path, exc_info=True)


@contextmanager
def _problems(what: str) -> Iterator[None]:
    """Any failure as one AttachmentProblem: the service's own sentence, or what happened to `what`."""
    try:
        yield
    except AttachmentError as error:
        raise AttachmentProblem(str(error)) from None
    except RecordNotFoundError as error:
        raise AttachmentProblem(
            translate(
                "Attachments", "{what}: the {replace} no longer exists; it may have been deleted elsewhere."
            ).format(what=what, replace=error.entity.replace("_", " "))
        ) from None
    except StaleRecordError:
        raise AttachmentProblem(
            translate(
                "Attachments",
                "{what}: the attachment was changed elsewhere since it was shown; nothing was saved. Look at it again "
                "and repeat the change.",
            ).format(what=what)
        ) from None
    except (RecordInUseError, StorageError) as error:
        raise AttachmentProblem(f"{what}: {error}") from None
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        raise AttachmentProblem(f"{what}: {error.strerror or error}{where}") from None


def _names(names: Sequence[str]) -> str:
    return ", ".join(names[:3]) + (
        translate("Attachments", " and {value} more").format(value=len(names) - 3) if len(names) > 3 else ""
    )


class ServiceAttachments:
    """AttachmentSource (desktop/ui/forms/attachment_source.py) over one database's AttachmentService."""

    def __init__(self, service: AttachmentService, copies: OpenedCopies) -> None:
        self.service = service
        self.copies = copies

    def of(self, kind: RecordKind, uuid: str) -> list[Attachment]:
        with _problems(
            translate("ServiceAttachments", "Reading the attachments of the {label}").format(label=kind_noun(kind))
        ):
            return self.service.of(kind, uuid)

    def withheld(self, kind: RecordKind, uuid: str) -> int:
        with _problems(
            translate("ServiceAttachments", "Reading the attachments of the {label}").format(label=kind_noun(kind))
        ):
            return self.service.withheld(kind, uuid)

    def add_paths(self, kind: RecordKind, uuid: str, paths: Sequence[Path]) -> list[Attachment]:
        with _problems(
            translate("ServiceAttachments", "Cannot attach {names}").format(names=_names([str(path) for path in paths]))
        ):
            return self.service.add(kind, uuid, [NewFile.of_path(path) for path in paths])

    def add_bytes(self, kind: RecordKind, uuid: str, name: str, data: bytes) -> list[Attachment]:
        with _problems(translate("ServiceAttachments", "Cannot attach {name}").format(name=name)):
            return self.service.add(kind, uuid, [NewFile.of_bytes(name, data)])

    def update(self, attachment: Attachment) -> Attachment:
        with _problems(
            translate("ServiceAttachments", "Cannot save the details of {file_name}").format(
                file_name=attachment.file_name
            )
        ):
            return self.service.update(attachment)

    def remove(self, uuid: str) -> Attachment:
        with _problems(translate("ServiceAttachments", "Cannot remove the attachment")):
            return self.service.remove(uuid)

    def save_copy(self, attachment: Attachment, target: Path, *, protect: Passphrase | None = None) -> Path:
        with _problems(
            translate("ServiceAttachments", "Cannot save {file_name} as {target}").format(
                file_name=attachment.file_name, target=target
            )
        ):
            return self.service.save_copy(attachment, target, protect=protect)

    @property
    def database(self) -> Encryptable:
        return self.service.database

    def open_copy(self, attachment: Attachment) -> Path:
        with _problems(
            translate("ServiceAttachments", "Cannot open {file_name}").format(file_name=attachment.file_name)
        ):
            return self.service.open_copy(attachment, self.copies.folder())

    def custody(self, attachment_uuid: str) -> list[CustodyEntry]:
        with _problems(translate("ServiceAttachments", "Cannot read the custody log")):
            return self.service.custody(attachment_uuid)

    def add_custody(self, entry: CustodyEntry) -> CustodyEntry:
        with _problems(translate("ServiceAttachments", "The custody entry was not added")):
            return self.service.add_custody(entry)
