; Steady: the Windows installer, built by Inno Setup 6.3+ from the PyInstaller bundle.
;
; On Windows, from the repository root:
;     python resources\scripts\package.py
; builds dist\steady\ and then, when ISCC.exe is found, runs
;     iscc /DAppVersion=<version> resources\windows\steady.iss
; which writes dist\steady-<version>-setup.exe.
;
; It installs per user by default (no administrator needed; the wizard offers
; "for all users"). Uninstalling removes the program only: the person's log and
; own exercises in their data folder are never touched.

; package.py passes /DAppVersion; this default is kept equal to pyproject.toml's by a test.
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define RepoRoot AddBackslash(SourcePath) + "..\..\"
#ifndef BundleDir
  #define BundleDir RepoRoot + "dist\steady"
#endif
#ifndef OutputDir
  #define OutputDir RepoRoot + "dist"
#endif

[Setup]
AppId={{5794F441-66B6-4E8A-8687-AB6456133BB9}
AppName=Steady
AppVersion={#AppVersion}
AppVerName=Steady {#AppVersion}
AppPublisher=The Steady team
AppComments=A calm companion for grounding and paced breathing
DefaultDirName={autopf}\Steady
DefaultGroupName=Steady
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=steady-{#AppVersion}-setup
SetupIconFile={#RepoRoot}resources\icons\steady.ico
UninstallDisplayIcon={app}\steady.exe
UninstallDisplayName=Steady
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Steady"; Filename: "{app}\steady.exe"; Comment: "Grounding and paced breathing"
Name: "{autodesktop}\Steady"; Filename: "{app}\steady.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\steady.exe"; Description: "{cm:LaunchProgram,Steady}"; Flags: nowait postinstall skipifsilent
