"""A JSON member of a pinned PyPI wheel, for the tools that build data from a package's data
files (build_name_words.py, build_world_places.py, build_given_egy.py): the wheel is downloaded with pip into a
temporary folder, or read from a path given, and its SHA-256 is checked either way."""
import gzip
import hashlib
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path


def read_json_member(package, version, sha256, member, wheel=None):
    """The JSON data of `member` in the wheel of `package`==`version` whose SHA-256 is `sha256`,
    from the file `wheel` if given, else downloaded."""
    with tempfile.TemporaryDirectory() as tmp:
        if wheel is None:
            subprocess.run([sys.executable, '-m', 'pip', 'download', '--no-deps', '--quiet', '--dest', tmp,
                            f'{package}=={version}'], check=True)
            wheel = Path(tmp) / f'{package}-{version}-py3-none-any.whl'
        wheel = Path(wheel)
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        if digest != sha256:
            sys.exit(f'{wheel}: SHA-256 {digest}, expected {sha256} ({package} {version})')
        with zipfile.ZipFile(wheel) as z:
            data = z.read(member)
            if member.endswith('.gz'):
                data = gzip.decompress(data)
            return json.loads(data.decode('utf-8'))
