; Included by electron-builder's NSIS script (nsis.include). SHCTX is HKCU for the per-user
; install, so registering the pika-tray:// scheme needs no elevation.

!macro customInstall
  WriteRegStr SHCTX "Software\Classes\pika-tray" "" "URL:Pika Tray task link"
  WriteRegStr SHCTX "Software\Classes\pika-tray" "URL Protocol" ""
  WriteRegStr SHCTX "Software\Classes\pika-tray\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHCTX "Software\Classes\pika-tray\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
!macroend

!macro customUnInstall
  DeleteRegKey SHCTX "Software\Classes\pika-tray"
!macroend
