; Windows installer for Newsdesk (稿件工作站). NSIS 3, Unicode, Simplified Chinese and English.
;
;   makensis /DVERSION=0.1.0 /DPAYLOAD=build\dist\newsdesk /DICON=build\icons\newsdesk.ico ^
;            /DOUTFILE=build\newsdesk-0.1.0-setup.exe packaging\windows\newsdesk.nsi
;
; Installs the PyInstaller one-dir bundle for all users, adds Start-menu and desktop shortcuts
; and an uninstaller. User data (%LOCALAPPDATA%\newsdesk: the database, recovery copies, logs)
; is never touched by install, upgrade or uninstall.
Unicode true
!include "MUI2.nsh"
!include "x64.nsh"
!include "WinVer.nsh"

!ifndef VERSION
  !error "pass /DVERSION=x.y.z (the version in pyproject.toml)"
!endif
!ifndef PAYLOAD
  !error "pass /DPAYLOAD=path\to\dist\newsdesk"
!endif
!ifndef OUTFILE
  !define OUTFILE "newsdesk-${VERSION}-setup.exe"
!endif

!define APPNAME "Newsdesk"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Newsdesk"

Name "稿件工作站 Newsdesk ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\Newsdesk"
InstallDirRegKey HKLM "${UNINSTALL_KEY}" "InstallLocation"
RequestExecutionLevel admin
SetCompressor /SOLID lzma
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "Newsdesk"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "稿件工作站 Newsdesk installer"
VIAddVersionKey /LANG=0 "LegalCopyright" "Newsdesk team"

!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\newsdesk-app.exe"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default; the installer picks the system's if it is listed.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString DesktopLink ${LANG_SIMPCHINESE} "稿件工作站"
LangString DesktopLink ${LANG_ENGLISH} "Newsdesk"
LangString UninstallLink ${LANG_SIMPCHINESE} "卸载稿件工作站"
LangString UninstallLink ${LANG_ENGLISH} "Uninstall Newsdesk"
LangString NeedsWin10x64 ${LANG_SIMPCHINESE} "稿件工作站需要 64 位的 Windows 10 或 Windows 11。"
LangString NeedsWin10x64 ${LANG_ENGLISH} "Newsdesk needs 64-bit Windows 10 or Windows 11."

Function .onInit
  SetShellVarContext all
  ; A 64-bit program: its Apps entry belongs in the 64-bit registry, not WOW6432Node.
  SetRegView 64
  !insertmacro MUI_LANGDLL_DISPLAY
  ; Qt 6 runs on 64-bit Windows 10 and 11 only: say so rather than install a program that
  ; cannot start. A silent install (/S) ends with exit status 2.
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
    MessageBox MB_ICONSTOP|MB_OK "$(NeedsWin10x64)" /SD IDOK
    SetErrorLevel 2
    Quit
  ${EndIf}
FunctionEnd

Section "Newsdesk" Main
  SectionIn RO
  SetShellVarContext all
  ; An upgrade replaces the program files only.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${PAYLOAD}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\$(DesktopLink).lnk" "$INSTDIR\newsdesk-app.exe" "gui"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\$(UninstallLink).lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\$(DesktopLink).lnk" "$INSTDIR\newsdesk-app.exe" "gui"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "稿件工作站 Newsdesk"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "Newsdesk team"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\newsdesk-app.exe"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext all
  Delete "$DESKTOP\$(DesktopLink).lnk"
  RMDir /r "$SMPROGRAMS\${APPNAME}"
  ; Program files only: %LOCALAPPDATA%\newsdesk (the database and backups) stays.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\newsdesk.exe"
  Delete "$INSTDIR\newsdesk-app.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
SectionEnd

Function un.onInit
  SetRegView 64
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd
