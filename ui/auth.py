"""Who may see the dashboard: ``gate()``, which every page's setup calls before it
shows anything.

- No secrets at all, or secrets without an ``[auth]`` section: the dashboard is open.
- A complete ``[auth]`` section: only signed-in users get past; everyone else sees a
  sign-in screen and nothing else.
- Secrets that exist but cannot be read or parsed, or an ``[auth]`` section that lacks
  what Streamlit's sign-in needs: the page stops with an error saying which file and
  what to fix. It fails closed: a typo in the file that configures sign-in must not
  open the postmortems to anyone who has the address.

Streamlit reads secrets from every path in its ``secrets.files`` option (by default
``~/.streamlit/secrets.toml`` and ``.streamlit/secrets.toml`` under the working
directory; TOML files or folders of Kubernetes-style secrets) and raises one error for
a missing file and a broken one alike; this module tells them apart.
"""
from __future__ import annotations

import os
from collections.abc import Mapping

import streamlit as st

SHARED_KEYS = ("redirect_uri", "cookie_secret")
PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")
DEFAULT_PROVIDER_KEYS = PROVIDER_KEYS + ("client_kwargs",)  # in [auth] itself, not a provider


def gate() -> None:
    """Return when this session may see data; otherwise show why not and st.stop()."""
    secrets = _read_secrets()
    if secrets is None or "auth" not in secrets:
        return
    providers, problems = check_auth(secrets["auth"])
    if problems:
        st.error("**Sign-in is set up in the secrets, but incompletely, so Hindsight shows "
                 "no data.**\n\n" + "\n".join(f"- {p}" for p in problems) + "\n\n"
                 f"Fix the `[auth]` section in {_files_text()} (see Streamlit's `st.login` "
                 "documentation), or remove it to run without sign-in; then reload this page.",
                 icon=":material/lock:")
        st.stop()
    if st.user.get("is_logged_in"):
        return
    st.title("Hindsight")
    st.write("Postmortems hold sensitive detail: sign in to continue.")
    for name in providers:
        label = f"Sign in with {name}" if name and len(providers) > 1 else "Sign in"
        st.button(label, on_click=st.login, args=(name,) if name else (), type="primary",
                  key=f"sign-in-{name or 'default'}")
    st.stop()


def check_auth(auth) -> tuple[list[str | None], list[str]]:
    """(providers, problems) of an ``[auth]`` section, checked as ``st.login`` will check
    it: the shared keys, then the default provider (keys in ``[auth]`` itself, named
    None) and each ``[auth.NAME]`` provider. No problems means sign-in can work."""
    if not isinstance(auth, Mapping):
        return [], ["`auth` is a single value; it must be a section: `[auth]`."]
    problems = []
    missing = [k for k in SHARED_KEYS if not _filled(auth.get(k))]
    if missing:
        problems.append(f"`[auth]` lacks {_keys(missing)}.")
    uri = auth.get("redirect_uri")
    if _filled(uri) and not str(uri).endswith("/oauth2callback"):
        problems.append("`redirect_uri` must be this app's address ending in `/oauth2callback`, "
                        "e.g. `http://localhost:8501/oauth2callback`.")
    providers: list[str | None] = []
    if any(k in auth for k in DEFAULT_PROVIDER_KEYS):
        providers.append(None)
        missing = [k for k in PROVIDER_KEYS if not _filled(auth.get(k))]
        if missing:
            problems.append(f"`[auth]` names a provider but lacks {_keys(missing)}.")
    for name, section in auth.items():
        if name in DEFAULT_PROVIDER_KEYS or not isinstance(section, Mapping):
            continue
        providers.append(name)
        if "_" in name:
            problems.append(f"`[auth.{name}]`: Streamlit refuses provider names with an underscore.")
        missing = [k for k in PROVIDER_KEYS if not _filled(section.get(k))]
        if missing:
            problems.append(f"`[auth.{name}]` lacks {_keys(missing)}.")
    if not providers:
        problems.append("No identity provider: add " + _keys(PROVIDER_KEYS) + " to `[auth]`, "
                        "or an `[auth.NAME]` section holding them.")
    return providers, problems


def _read_secrets() -> Mapping | None:
    """The secrets, or None when there are none; stops the page when they exist but
    cannot be read."""
    try:
        return st.secrets.to_dict()
    except Exception as e:  # noqa: BLE001 - whatever it is, the page must not go on
        error = e
    if getattr(error, "error_id", None) == "no-secrets-found":
        bad = unreadable_secrets()
        if bad is None:
            return None
    else:
        bad = unreadable_secrets() or (" or ".join(_secrets_files()), str(error))
    path, why = bad
    st.error(f"**Hindsight shows no data: its secrets file cannot be read.**\n\n"
             f"File: `{path}`\n\nProblem: {why}\n\n"
             "Streamlit reads the sign-in settings (`[auth]`) from this file, so nothing is "
             "shown until it can be read. Correct the file"
             + (" (check it with `python -c \"import sys, tomllib; tomllib.load(open(sys.argv[1], "
                f"'rb'))\" {path}`)" if path.endswith(".toml") else "")
             + ", or remove it if you do not use secrets; then reload this page.",
             icon=":material/lock:")
    st.stop()


def unreadable_secrets() -> tuple[str, str] | None:
    """(path, problem) of the first secrets source that exists but cannot be read the
    way Streamlit reads it; None when every one is readable or absent."""
    import tomllib

    from streamlit import config

    for path in config.get_option("secrets.files"):
        if path.endswith(".toml"):
            if not os.path.lexists(path):
                continue
            try:
                with open(path, encoding="utf-8") as f:
                    tomllib.loads(f.read())
            except tomllib.TOMLDecodeError as e:
                return path, f"not valid TOML: {e}"
            except UnicodeDecodeError:
                return path, "not UTF-8 text"
            except FileNotFoundError:
                return path, f"a link to {os.path.realpath(path)}, which does not exist"
            except OSError as e:
                return path, e.strerror or str(e)
        elif os.path.isdir(path):
            try:
                for name in os.listdir(path):
                    sub = os.path.join(path, name)
                    if not os.path.isdir(sub):
                        return sub, "a secrets folder may hold only folders (one per secret)"
                    for leaf in os.listdir(sub):
                        if not os.path.isdir(os.path.join(sub, leaf)):
                            with open(os.path.join(sub, leaf), encoding="utf-8") as f:
                                f.read()
            except UnicodeDecodeError:
                return path, "a file in it is not UTF-8 text"
            except OSError as e:
                return getattr(e, "filename", None) or path, e.strerror or str(e)
        elif os.path.lexists(path):
            return path, "neither a .toml file nor a folder"
    return None


def _secrets_files() -> list[str]:
    """The secrets files and folders Streamlit reads that exist (all of them if none)."""
    from streamlit import config

    files = config.get_option("secrets.files")
    return [p for p in files if os.path.lexists(p)] or files


def _files_text() -> str:
    return " or ".join(f"`{p}`" for p in _secrets_files())


def _filled(value) -> bool:
    return value is not None and (not isinstance(value, str) or value.strip() != "")


def _keys(keys) -> str:
    return ", ".join(f"`{k}`" for k in keys)
