"""Windows shortcuts (.lnk) through the Shell's own IShellLinkW and IPersistFile interfaces,
the documented way installers make them, called with ctypes from the standard library.

Why not the alternatives: a .cmd launcher opens a console window; a .vbs launcher needs
VBScript, which Windows is removing and school IT often blocks; PowerShell's WScript.Shell is
refused under the Constrained Language Mode that locked-down laptops run; pywin32 would be
one more package to install. Writing the binary format ourselves would be testable here but
could not be checked against what Explorer accepts. The Shell writes a shortcut Explorer
trusts, and the steps that decide its content are tested on every platform through ``Com``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, Protocol

CLSID_SHELL_LINK = "00021401-0000-0000-C000-000000000046"
IID_ISHELL_LINK_W = "000214F9-0000-0000-C000-000000000046"
IID_IPERSIST_FILE = "0000010B-0000-0000-C000-000000000046"
# Slots in each interface's table of methods (ShObjIdl_core.h, ObjIdl.h): IUnknown's
# QueryInterface, AddRef and Release come first, then the interface's own methods in order.
QUERY_INTERFACE, RELEASE = 0, 2
SET_DESCRIPTION, SET_WORKING_DIRECTORY, SET_ARGUMENTS = 7, 9, 11
SET_ICON_LOCATION, SET_PATH = 17, 20
SAVE = 6  # IPersistFile: GetClassID 3, IsDirty 4, Load 5, Save 6
CLSCTX_INPROC_SERVER = 1


@dataclass(frozen=True)
class Link:
    """What a shortcut runs and shows."""

    target: str
    arguments: str
    working_dir: str
    description: str
    icon: str = ""


class Com(Protocol):
    """The few COM operations a shortcut needs (ctypes on Windows; a recorder in tests)."""

    def create(self, clsid: str, iid: str) -> Any: ...
    def query(self, interface: Any, iid: str) -> Any: ...
    def call(self, interface: Any, slot: int, *args: str | int) -> None: ...
    def release(self, interface: Any) -> None: ...


def save_link(link: Link, path: str, com: Com | None = None) -> None:
    """Write ``link`` as the shortcut file ``path`` (which must end in .lnk)."""
    com = com or CtypesCom()
    shell_link = com.create(CLSID_SHELL_LINK, IID_ISHELL_LINK_W)
    try:
        com.call(shell_link, SET_PATH, link.target)
        com.call(shell_link, SET_ARGUMENTS, link.arguments)
        com.call(shell_link, SET_WORKING_DIRECTORY, link.working_dir)
        com.call(shell_link, SET_DESCRIPTION, link.description)
        if link.icon:
            com.call(shell_link, SET_ICON_LOCATION, link.icon, 0)
        persist = com.query(shell_link, IID_IPERSIST_FILE)
        try:
            com.call(persist, SAVE, path, 1)  # fRemember: TRUE
        finally:
            com.release(persist)
    finally:
        com.release(shell_link)


class CtypesCom:
    """COM through ctypes (Windows only). A failing HRESULT raises OSError."""

    def __init__(self) -> None:
        import ctypes

        self._ctypes = ctypes
        self._ole32 = ctypes.oledll.ole32
        # S_OK or S_FALSE: this thread now uses COM (apartment-threaded, as the Shell needs)
        ctypes.windll.ole32.CoInitialize(None)

    def _guid(self, text: str) -> Any:
        return (self._ctypes.c_char * 16).from_buffer_copy(uuid.UUID(text).bytes_le)

    def create(self, clsid: str, iid: str) -> Any:
        pointer = self._ctypes.c_void_p()
        self._ole32.CoCreateInstance(self._ctypes.byref(self._guid(clsid)), None,
                                     CLSCTX_INPROC_SERVER,
                                     self._ctypes.byref(self._guid(iid)),
                                     self._ctypes.byref(pointer))
        return pointer

    def query(self, interface: Any, iid: str) -> Any:
        ctypes = self._ctypes
        pointer = ctypes.c_void_p()
        method = ctypes.WINFUNCTYPE(ctypes.HRESULT, ctypes.c_void_p,
                                    ctypes.c_void_p)(QUERY_INTERFACE, "QueryInterface")
        method(interface, ctypes.byref(self._guid(iid)), ctypes.byref(pointer))
        return pointer

    def call(self, interface: Any, slot: int, *args: str | int) -> None:
        ctypes = self._ctypes
        types = [ctypes.c_wchar_p if isinstance(a, str) else ctypes.c_int for a in args]
        method = ctypes.WINFUNCTYPE(ctypes.HRESULT, *types)(slot,
                                                            f"slot{slot}")
        method(interface, *args)

    def release(self, interface: Any) -> None:
        ctypes = self._ctypes
        ctypes.WINFUNCTYPE(ctypes.c_ulong)(RELEASE, "Release")(interface)
