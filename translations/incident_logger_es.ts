<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Incident Logger {escape}&lt;/h3&gt;&lt;p&gt;Record facilities, security incidents and their legal lifecycle, security plan items, and export them.&lt;/p&gt;&lt;table&gt;{rows}&lt;/table&gt;&lt;p&gt;Qt {escape2}, PySide6 {escape3}, Python {escape4}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Incident Logger {escape}&lt;/h3&gt;&lt;p&gt;Registre instalaciones, incidentes de seguridad y su ciclo jurídico, elementos del plan de seguridad, y expórtelos.&lt;/p&gt;&lt;table&gt;{rows}&lt;/table&gt;&lt;p&gt;Qt {escape2}, PySide6 {escape3}, Python {escape4}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Incident Logger</source>
        <translation>Acerca de Incident Logger</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Incident Logger cannot start</source>
        <translation>Incident Logger no puede iniciarse</translation>
    </message>
</context>
<context>
    <name>AttachmentPreview</name>
    <message>
        <source>Select an attachment to see it here.</source>
        <translation>Seleccione un adjunto para verlo aquí.</translation>
    </message>
    <message>
        <source>Attachment preview</source>
        <translation>Vista previa del adjunto</translation>
    </message>
    <message>
        <source>Preview note</source>
        <translation>Nota de la vista previa</translation>
    </message>
    <message>
        <source>Image preview</source>
        <translation>Vista previa de la imagen</translation>
    </message>
    <message>
        <source>PDF preview</source>
        <translation>Vista previa del PDF</translation>
    </message>
    <message>
        <source>{name} cannot be shown here: {errorString}. Open shows it in its program.</source>
        <translation>{name} no se puede mostrar aquí: {errorString}. Abrir lo muestra en su programa.</translation>
    </message>
    <message>
        <source>no pages</source>
        <translation>sin páginas</translation>
    </message>
    <message>
        <source>{name} cannot be shown here ({reason}). Open shows it in its program.</source>
        <translation>{name} no se puede mostrar aquí ({reason}). Abrir lo muestra en su programa.</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <source>{what}: the {replace} no longer exists; it may have been deleted elsewhere.</source>
        <translation>{what}: el elemento ({replace}) ya no existe; puede haberse eliminado en otro lugar.</translation>
    </message>
    <message>
        <source>{what}: the attachment was changed elsewhere since it was shown; nothing was saved. Look at it again and repeat the change.</source>
        <translation>{what}: el adjunto se modificó en otro lugar desde que se mostró; no se guardó nada. Revíselo de nuevo y repita el cambio.</translation>
    </message>
    <message>
        <source> and {value} more</source>
        <translation> y {value} más</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>Attachments</source>
        <translation>Adjuntos</translation>
    </message>
    <message>
        <source>Save the record first to attach files.</source>
        <translation>Guarde primero el registro para adjuntar archivos.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Añadido</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>Añadido por</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Sensitive</source>
        <translation>Confidencial</translation>
    </message>
    <message>
        <source>A&amp;dd…</source>
        <translation>&amp;Añadir…</translation>
    </message>
    <message>
        <source>Attach files (you may also drop them on the form, or paste with Ctrl+V)</source>
        <translation>Adjuntar archivos (también puede soltarlos sobre el formulario o pegarlos con Ctrl+V)</translation>
    </message>
    <message>
        <source>Op&amp;en</source>
        <translation>A&amp;brir</translation>
    </message>
    <message>
        <source>Open a verified copy in its program (Enter)</source>
        <translation>Abrir una copia verificada en su programa (Intro)</translation>
    </message>
    <message>
        <source>Sa&amp;ve as…</source>
        <translation>Guardar &amp;como…</translation>
    </message>
    <message>
        <source>Save a verified copy of the file</source>
        <translation>Guardar una copia verificada del archivo</translation>
    </message>
    <message>
        <source>Descri&amp;be…</source>
        <translation>Descri&amp;bir…</translation>
    </message>
    <message>
        <source>Description and sensitive mark</source>
        <translation>Descripción y marca de confidencialidad</translation>
    </message>
    <message>
        <source>C&amp;ustody…</source>
        <translation>C&amp;ustodia…</translation>
    </message>
    <message>
        <source>The custody log: who handed it to whom, when and why</source>
        <translation>El registro de custodia: quién lo entregó a quién, cuándo y por qué</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>Qui&amp;tar</translation>
    </message>
    <message>
        <source>Remove the attachment (Delete)</source>
        <translation>Quitar el adjunto (Supr)</translation>
    </message>
    <message>
        <source>{action} attachment</source>
        <translation>{action} adjunto</translation>
    </message>
    <message>
        <source>Attachments status</source>
        <translation>Estado de los adjuntos</translation>
    </message>
    <message>
        <source>{count} more marked sensitive: withheld, your role cannot read them</source>
        <translation>{count} más marcados como sensibles: retenidos, su rol no puede leerlos</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>SHA-256 {sha256}</source>
        <translation>SHA-256 {sha256}</translation>
    </message>
    <message>
        <source>No files are kept with this record yet: Add…, drop them here or paste them (Ctrl+V).</source>
        <translation>Este registro aún no tiene archivos: Añadir…, suéltelos aquí o péguelos (Ctrl+V).</translation>
    </message>
    <message>
        <source>No preview for {media_type}; Open shows it in its program.</source>
        <translation>No hay vista previa para {media_type}; Abrir lo muestra en su programa.</translation>
    </message>
    <message>
        <source>{file_name} is {size_text}: too large to preview here; Open shows it in its program.</source>
        <translation>{file_name} ocupa {size_text}: demasiado grande para la vista previa; Abrir lo muestra en su programa.</translation>
    </message>
    <message>
        <source>The clipboard holds no picture and no files to attach.</source>
        <translation>El portapapeles no contiene ninguna imagen ni archivos para adjuntar.</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Adjuntar archivos</translation>
    </message>
    <message>
        <source>Nothing was attached.</source>
        <translation>No se adjuntó nada.</translation>
    </message>
    <message>
        <source>Attached {names}.</source>
        <translation>Adjuntado: {names}.</translation>
    </message>
    <message>
        <source>Open attachment</source>
        <translation>Abrir adjunto</translation>
    </message>
    <message>
        <source>No program here opens {media_type} files.</source>
        <translation>Ningún programa de este equipo abre archivos {media_type}.</translation>
    </message>
    <message>
        <source>Save as… keeps a copy you can open elsewhere.</source>
        <translation>Guardar como… conserva una copia que puede abrir en otro lugar.</translation>
    </message>
    <message>
        <source>Opened a verified copy of {file_name} (read-only; removed on quitting).</source>
        <translation>Se abrió una copia verificada de {file_name} (solo lectura; se elimina al salir).</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Guardar adjunto</translation>
    </message>
    <message>
        <source>Nothing was written there.</source>
        <translation>No se escribió nada allí.</translation>
    </message>
    <message>
        <source>, protected by a passphrase</source>
        <translation>, protegido con una frase de contraseña</translation>
    </message>
    <message>
        <source>Saved a verified copy of {file_name} as {written}{protected}.</source>
        <translation>Se guardó una copia verificada de {file_name} como {written}{protected}.</translation>
    </message>
    <message>
        <source>Attachment details</source>
        <translation>Detalles del adjunto</translation>
    </message>
    <message>
        <source>Saved the details of {file_name}.</source>
        <translation>Se guardaron los detalles de {file_name}.</translation>
    </message>
    <message>
        <source>Remove the attachment “{file_name}” ({size_text})?</source>
        <translation>¿Quitar el adjunto «{file_name}» ({size_text})?</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>Quitar adjunto</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Removed {file_name}.</source>
        <translation>Se quitó {file_name}.</translation>
    </message>
    <message>
        <source>Save a copy of the attachment</source>
        <translation>Guardar una copia del adjunto</translation>
    </message>
</context>
<context>
    <name>BackgroundBackups</name>
    <message>
        <source>The automatic backup failed: {error}</source>
        <translation>La copia de seguridad automática falló: {error}</translation>
    </message>
    <message>
        <source> in {backup_dir}</source>
        <translation> en {backup_dir}</translation>
    </message>
    <message>
        <source>Automatic backups{where}: taken in the background a minute after the last change (at most every 15 minutes), and at the next start when closing came first.</source>
        <translation>Copias de seguridad automáticas{where}: se hacen en segundo plano un minuto después del último cambio (como máximo cada 15 minutos), y en el siguiente inicio si antes se cerró la ventana.</translation>
    </message>
    <message>
        <source>Backups{where}. This window opened a database another window has open; that window takes its automatic backups.</source>
        <translation>Copias de seguridad{where}. Esta ventana abrió una base de datos que otra ventana tiene abierta; esa ventana hace sus copias automáticas.</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>Aún no hay copia de seguridad</translation>
    </message>
    <message>
        <source>Last backup just now</source>
        <translation>Última copia: ahora mismo</translation>
    </message>
    <message numerus="yes">
        <source>Last backup %n min ago</source>
        <translation>
            <numerusform>Última copia hace %n min</numerusform>
            <numerusform>Última copia hace %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last backup %n h ago</source>
        <translation>
            <numerusform>Última copia hace %n h</numerusform>
            <numerusform>Última copia hace %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last backup %n day ago</source>
        <translation>
            <numerusform>Última copia hace %n día</numerusform>
            <numerusform>Última copia hace %n días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last backup %n days ago</source>
        <translation>
            <numerusform>Última copia hace %n día</numerusform>
            <numerusform>Última copia hace %n días</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>This backup cannot be used: {message}</source>
        <translation>Esta copia de seguridad no se puede usar: {message}</translation>
    </message>
    <message>
        <source>Checked: intact (SQLite integrity check passed). It holds {facilities} facilities, {incidents} incidents and {plan_items} plan items.</source>
        <translation>Comprobada: intacta (se superó la comprobación de integridad de SQLite). Contiene {facilities} instalaciones, {incidents} incidentes y {plan_items} elementos del plan.</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>Hacer &amp;copia de seguridad ahora…</translation>
    </message>
    <message>
        <source>Write a verified copy of the database to a file of your choice</source>
        <translation>Escribir una copia verificada de la base de datos en el archivo que elija</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Restaurar desde una copia…</translation>
    </message>
    <message>
        <source>Replace the data by a backup; the current data is saved as a backup first</source>
        <translation>Sustituir los datos por una copia de seguridad; antes se guardan los datos actuales como copia</translation>
    </message>
    <message>
        <source>Backups are made of SQLite database files. This database is on a server: back it up with the server&apos;s own tools.</source>
        <translation>Las copias de seguridad se hacen de archivos de base de datos SQLite. Esta base de datos está en un servidor: haga la copia con las herramientas del propio servidor.</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Hacer copia de seguridad ahora</translation>
    </message>
    <message>
        <source>The backup was not written: {error}</source>
        <translation>No se escribió la copia de seguridad: {error}</translation>
    </message>
    <message>
        <source>Backup written to {path}</source>
        <translation>Copia de seguridad escrita en {path}</translation>
    </message>
    <message>
        <source>The backup was written to {path} and checked.

{summary_text}</source>
        <translation>La copia de seguridad se escribió en {path} y se comprobó.

{summary_text}</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Restaurar desde una copia de seguridad</translation>
    </message>
    <message>
        <source>Nothing was restored: {error}</source>
        <translation>No se restauró nada: {error}</translation>
    </message>
    <message>
        <source> The data you had was saved as {name}.</source>
        <translation> Los datos que tenía se guardaron como {name}.</translation>
    </message>
    <message>
        <source>Restored the backup of {when}</source>
        <translation>Se restauró la copia de seguridad del {when}</translation>
    </message>
    <message>
        <source>Restored the backup of {when}.{saved}</source>
        <translation>Se restauró la copia de seguridad del {when}.{saved}</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>Chart, not drawn yet</source>
        <translation>Gráfico, aún no dibujado</translation>
    </message>
</context>
<context>
    <name>BreakdownCharts</name>
    <message>
        <source>Incidents by severity ({total})</source>
        <translation>Incidentes por gravedad ({total})</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidentes</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>{category}: {value} incidents</source>
        <translation>{category}: {value} incidentes</translation>
    </message>
    <message>
        <source>Cases: {open} open, {closed} closed</source>
        <translation>Casos: {open} abiertos, {closed} cerrados</translation>
    </message>
    <message>
        <source>Case status</source>
        <translation>Estado del caso</translation>
    </message>
    <message>
        <source>Casualties in {incidents}</source>
        <translation>Bajas en {incidents}</translation>
    </message>
    <message>
        <source>Killed</source>
        <translation>Muertos</translation>
    </message>
    <message>
        <source>Injured</source>
        <translation>Heridos</translation>
    </message>
    <message>
        <source>Victims</source>
        <translation>Víctimas</translation>
    </message>
    <message>
        <source>Perpetrators</source>
        <translation>Autores</translation>
    </message>
    <message>
        <source>Casualties</source>
        <translation>Bajas</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Victims or perpetrators</source>
        <translation>Víctimas o autores</translation>
    </message>
    <message>
        <source>Plan items: {overdue} overdue, {soon} due this week</source>
        <translation>Elementos del plan: {overdue} vencidos, {soon} vencen esta semana</translation>
    </message>
    <message>
        <source>Plan items</source>
        <translation>Elementos del plan</translation>
    </message>
    <message>
        <source>Plan status</source>
        <translation>Estado del plan</translation>
    </message>
    <message>
        <source>{category}: {value} plan items</source>
        <translation>{category}: {value} elementos del plan</translation>
    </message>
</context>
<context>
    <name>BriefingDialog</name>
    <message>
        <source>Export briefing (PDF)</source>
        <translation>Exportar informe (PDF)</translation>
    </message>
    <message>
        <source>Limit to incidents that occurred in a &amp;period</source>
        <translation>Limitar a los incidentes ocurridos en un &amp;periodo</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>no start</source>
        <translation>sin inicio</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>no end</source>
        <translation>sin fin</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Printed at the top and bottom of every page and in the file name, e.g. CUI</source>
        <translation>Se imprime arriba y abajo de cada página y en el nombre del archivo, p. ej. CUI</translation>
    </message>
    <message>
        <source>your name</source>
        <translation>su nombre</translation>
    </message>
    <message>
        <source>Handling &amp;marking:</source>
        <translation>&amp;Marca de tratamiento:</translation>
    </message>
    <message>
        <source>Prepared b&amp;y:</source>
        <translation>Preparado p&amp;or:</translation>
    </message>
    <message>
        <source>F&amp;acilities (none checked: all facilities):</source>
        <translation>Ins&amp;talaciones (ninguna marcada: todas):</translation>
    </message>
    <message>
        <source>&amp;Include sensitive fields ({sensitive_fields_text})</source>
        <translation>&amp;Incluir los campos confidenciales ({sensitive_fields_text})</translation>
    </message>
    <message>
        <source>Left out unless ticked; ticking asks first, and the audit trail records it</source>
        <translation>Se omiten salvo que se marque; al marcarlo se pregunta antes y el registro de auditoría lo anota</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>&amp;Save as:</source>
        <translation>&amp;Guardar como:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <source>this briefing</source>
        <translation>este informe</translation>
    </message>
    <message>
        <source>Save briefing as</source>
        <translation>Guardar el informe como</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>choose where to save the PDF</source>
        <translation>elija dónde guardar el PDF</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Show as table</source>
        <translation>Ver como tabla</translation>
    </message>
    <message>
        <source>the chart</source>
        <translation>el gráfico</translation>
    </message>
    <message>
        <source>Show as chart</source>
        <translation>Ver como gráfico</translation>
    </message>
    <message>
        <source>Show {title} as a chart</source>
        <translation>Ver {title} como gráfico</translation>
    </message>
    <message>
        <source>Show {title} as a table</source>
        <translation>Ver {title} como tabla</translation>
    </message>
</context>
<context>
    <name>ChartSummary</name>
    <message>
        <source>No data.</source>
        <translation>Sin datos.</translation>
    </message>
    <message>
        <source>{count} bars, {first} to {last}; highest: {name}, {value}</source>
        <translation>{count} barras, de {first} a {last}; la más alta: {name}, {value}</translation>
    </message>
    <message>
        <source>Total {total}.</source>
        <translation>Total {total}.</translation>
    </message>
    <message>
        <source>By {what}: {parts}.</source>
        <translation>Por {what}: {parts}.</translation>
    </message>
</context>
<context>
    <name>ChartTable</name>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>{title} (table)</source>
        <translation>{title} (tabla)</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Gráfico</translation>
    </message>
</context>
<context>
    <name>CheckBanner</name>
    <message>
        <source>Restore from backup…</source>
        <translation>Restaurar desde una copia…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
</context>
<context>
    <name>Choice</name>
    <message>
        <source>ICE ERO</source>
        <translation>ICE ERO</translation>
    </message>
    <message>
        <source>ICE HSI</source>
        <translation>ICE HSI</translation>
    </message>
    <message>
        <source>USCIS</source>
        <translation>USCIS</translation>
    </message>
    <message>
        <source>CBP</source>
        <translation>CBP</translation>
    </message>
    <message>
        <source>FPS</source>
        <translation>FPS</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Detention center</source>
        <translation>Centro de detención</translation>
    </message>
    <message>
        <source>Field office</source>
        <translation>Oficina local</translation>
    </message>
    <message>
        <source>Processing center</source>
        <translation>Centro de procesamiento</translation>
    </message>
    <message>
        <source>Benefits office</source>
        <translation>Oficina de beneficios</translation>
    </message>
    <message>
        <source>I</source>
        <translation>I</translation>
    </message>
    <message>
        <source>II</source>
        <translation>II</translation>
    </message>
    <message>
        <source>III</source>
        <translation>III</translation>
    </message>
    <message>
        <source>IV</source>
        <translation>IV</translation>
    </message>
    <message>
        <source>V</source>
        <translation>V</translation>
    </message>
    <message>
        <source>Armed assault</source>
        <translation>Asalto armado</translation>
    </message>
    <message>
        <source>Bombing/explosion</source>
        <translation>Atentado con bomba/explosión</translation>
    </message>
    <message>
        <source>Facility/infrastructure attack</source>
        <translation>Ataque a instalación/infraestructura</translation>
    </message>
    <message>
        <source>Unarmed assault</source>
        <translation>Asalto sin armas</translation>
    </message>
    <message>
        <source>Hostage taking</source>
        <translation>Toma de rehenes</translation>
    </message>
    <message>
        <source>Assassination</source>
        <translation>Asesinato</translation>
    </message>
    <message>
        <source>Threat</source>
        <translation>Amenaza</translation>
    </message>
    <message>
        <source>Breach of security</source>
        <translation>Brecha de seguridad</translation>
    </message>
    <message>
        <source>Vandalism</source>
        <translation>Vandalismo</translation>
    </message>
    <message>
        <source>Protest – peaceful</source>
        <translation>Protesta – pacífica</translation>
    </message>
    <message>
        <source>Protest – unlawful</source>
        <translation>Protesta – ilegal</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>Edificio</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>Vehículos</translation>
    </message>
    <message>
        <source>Perimeter</source>
        <translation>Perímetro</translation>
    </message>
    <message>
        <source>Personnel</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Detainees</source>
        <translation>Detenidos</translation>
    </message>
    <message>
        <source>Visitors/public</source>
        <translation>Visitantes/público</translation>
    </message>
    <message>
        <source>Utilities/equipment</source>
        <translation>Suministros/equipos</translation>
    </message>
    <message>
        <source>Catastrophic (≥ $1 billion)</source>
        <translation>Catastrófico (≥ 1000 millones de $)</translation>
    </message>
    <message>
        <source>Major (≥ $1 million)</source>
        <translation>Grave (≥ 1 millón de $)</translation>
    </message>
    <message>
        <source>Minor (&lt; $1 million)</source>
        <translation>Leve (&lt; 1 millón de $)</translation>
    </message>
    <message>
        <source>Killed</source>
        <translation>Muertos</translation>
    </message>
    <message>
        <source>Wounded</source>
        <translation>Heridos</translation>
    </message>
    <message>
        <source>Arrested</source>
        <translation>Detenidos</translation>
    </message>
    <message>
        <source>Fled</source>
        <translation>Huyeron</translation>
    </message>
    <message>
        <source>Night</source>
        <translation>Noche</translation>
    </message>
    <message>
        <source>Early morning</source>
        <translation>Madrugada</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>Mañana</translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation>Tarde</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>Anochecer</translation>
    </message>
    <message>
        <source>Government</source>
        <translation>Gobierno</translation>
    </message>
    <message>
        <source>Contractor</source>
        <translation>Contratista</translation>
    </message>
    <message>
        <source>One facility</source>
        <translation>Una instalación</translation>
    </message>
    <message>
        <source>An agency&apos;s facilities</source>
        <translation>Las instalaciones de una agencia</translation>
    </message>
    <message>
        <source>A facility type</source>
        <translation>Un tipo de instalación</translation>
    </message>
    <message>
        <source>All facilities</source>
        <translation>Todas las instalaciones</translation>
    </message>
    <message>
        <source>Firearms</source>
        <translation>Armas de fuego</translation>
    </message>
    <message>
        <source>Explosives</source>
        <translation>Explosivos</translation>
    </message>
    <message>
        <source>Incendiary</source>
        <translation>Incendiarias</translation>
    </message>
    <message>
        <source>Melee</source>
        <translation>Armas blancas/cuerpo a cuerpo</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>Vehículo</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Baja</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Crítica</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Notificado</translation>
    </message>
    <message>
        <source>Under investigation</source>
        <translation>En investigación</translation>
    </message>
    <message>
        <source>Arrest made</source>
        <translation>Detención practicada</translation>
    </message>
    <message>
        <source>Referred for prosecution</source>
        <translation>Remitido a la fiscalía</translation>
    </message>
    <message>
        <source>Charged</source>
        <translation>Acusado</translation>
    </message>
    <message>
        <source>Adjudicated</source>
        <translation>Juzgado</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>Unfounded</source>
        <translation>Infundado</translation>
    </message>
    <message>
        <source>Exact time</source>
        <translation>Hora exacta</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Intervalo</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Propuesto</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprobado</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Implemented</source>
        <translation>Implantado</translation>
    </message>
    <message>
        <source>Risk accepted</source>
        <translation>Riesgo aceptado</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Creación</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Modificación</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminación</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importación</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportación</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restauración</translation>
    </message>
    <message>
        <source>Damage, extent unknown</source>
        <translation>Daños, magnitud desconocida</translation>
    </message>
    <message>
        <source>No damage</source>
        <translation>Sin daños</translation>
    </message>
    <message>
        <source>Unknown whether damaged</source>
        <translation>Se desconoce si hubo daños</translation>
    </message>
    <message>
        <source>Include them</source>
        <translation>Incluirlos</translation>
    </message>
    <message>
        <source>Leave them out</source>
        <translation>Omitirlos</translation>
    </message>
    <message>
        <source>Mask them</source>
        <translation>Ocultarlos</translation>
    </message>
    <message>
        <source>Round trip (for scripts and other databases)</source>
        <translation>Ida y vuelta (para scripts y otras bases de datos)</translation>
    </message>
    <message>
        <source>For spreadsheets (readable)</source>
        <translation>Para hojas de cálculo (legible)</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automática</translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation>manual</translation>
    </message>
    <message>
        <source>before a schema upgrade</source>
        <translation>antes de actualizar el esquema</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>antes de una restauración</translation>
    </message>
    <message>
        <source>before encrypt, decrypt or rekey</source>
        <translation>antes de cifrar, descifrar o cambiar la clave</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>adjunto</translation>
    </message>
    <message>
        <source>custody entry</source>
        <translation>entrada de custodia</translation>
    </message>
    <message>
        <source>timeline event</source>
        <translation>evento de la cronología</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Incidente</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Legal status</source>
        <translation>Estado jurídico</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>Adjunto</translation>
    </message>
    <message>
        <source>Custody</source>
        <translation>Custodia</translation>
    </message>
    <message>
        <source>Plan item</source>
        <translation>Elemento del plan</translation>
    </message>
</context>
<context>
    <name>ClipboardGuard</name>
    <message>
        <source>Clear copied sensitive fields after 30 s</source>
        <translation>Borrar los campos confidenciales copiados a los 30 s</translation>
    </message>
    <message>
        <source>Cleared the copied sensitive text from the clipboard.</source>
        <translation>Se borró del portapapeles el texto confidencial copiado.</translation>
    </message>
    <message>
        <source>Copied; the clipboard is cleared in {round} s (sensitive)</source>
        <translation>Copiado; el portapapeles se borra en {round} s (confidencial)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>Copy the selected cells as tab-separated text (Ctrl+C in a table)</source>
        <translation>Copiar las celdas seleccionadas como texto separado por tabuladores (Ctrl+C en una tabla)</translation>
    </message>
    <message>
        <source>Select a record in a table to copy first.</source>
        <translation>Seleccione primero un registro de una tabla para copiarlo.</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Copiado.</translation>
    </message>
</context>
<context>
    <name>Column</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agencia</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>FSL</source>
        <translation>FSL</translation>
    </message>
    <message>
        <source>Last assessment</source>
        <translation>Última evaluación</translation>
    </message>
    <message>
        <source>Reassessment due</source>
        <translation>Próxima reevaluación</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>When anything about the incident was last recorded: the incident saved, a timeline event, a legal history entry, an attachment or its custody, a plan item answering it (your computer&apos;s time; not sortable)</source>
        <translation>Cuándo se registró por última vez algo del incidente: el incidente guardado, un evento de la cronología, una entrada del historial jurídico, un adjunto o su custodia, un elemento del plan que responde a él (hora de su equipo; no ordenable)</translation>
    </message>
    <message>
        <source>Case no.</source>
        <translation>N.º de caso</translation>
    </message>
    <message>
        <source>Occurred</source>
        <translation>Ocurrido</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Instalación</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Attack types</source>
        <translation>Tipos de ataque</translation>
    </message>
    <message>
        <source>Weapons</source>
        <translation>Armas</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Casualties</source>
        <translation>Víctimas</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Objetivos</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Respuesta</translation>
    </message>
</context>
<context>
    <name>ConflictPanel</name>
    <message>
        <source>Keep the database&apos;s</source>
        <translation>Conservar la de la base de datos</translation>
    </message>
    <message>
        <source>Take the file&apos;s</source>
        <translation>Tomar la del archivo</translation>
    </message>
    <message>
        <source>Records in conflict</source>
        <translation>Registros en conflicto</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Keep which version</source>
        <translation>Qué versión conservar</translation>
    </message>
    <message>
        <source>Fields of the selected record</source>
        <translation>Campos del registro seleccionado</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>In the database</source>
        <translation>En la base de datos</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>En el archivo</translation>
    </message>
    <message>
        <source>&amp;Keep all the database&apos;s</source>
        <translation>&amp;Conservar todas las de la base de datos</translation>
    </message>
    <message>
        <source>&amp;Take all the file&apos;s</source>
        <translation>&amp;Tomar todas las del archivo</translation>
    </message>
    <message>
        <source>Keep which version of line {line}</source>
        <translation>Qué versión conservar de la línea {line}</translation>
    </message>
    <message numerus="yes">
        <source>%n record in the file differs from the database without being newer</source>
        <translation>
            <numerusform>%n registro del archivo difiere de la base de datos sin ser más reciente</numerusform>
            <numerusform>%n registros del archivo difieren de la base de datos sin ser más recientes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n records in the file differ from the database without being newer</source>
        <translation>
            <numerusform>%n registro del archivo difiere de la base de datos sin ser más reciente</numerusform>
            <numerusform>%n registros del archivo difieren de la base de datos sin ser más recientes</numerusform>
        </translation>
    </message>
    <message>
        <source> (edited in the file, or changed in the database since the export). Select one to see its fields; choose which version to keep, then Import.</source>
        <translation> (editados en el archivo o modificados en la base de datos desde la exportación). Seleccione uno para ver sus campos; elija qué versión conservar y después Importar.</translation>
    </message>
</context>
<context>
    <name>ConflictWatch</name>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>{count} linked incidents</source>
        <translation>{count} incidentes vinculados</translation>
    </message>
    <message>
        <source>&amp;Compare…</source>
        <translation>Com&amp;parar…</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>alguien</translation>
    </message>
    <message>
        <source>Deleted by {user} at {time} while you were editing. Saving will not bring it back; Cancel to close the form.</source>
        <translation>Eliminado por {user} a las {time} mientras lo editaba. Guardar no lo recuperará; pulse Cancelar para cerrar el formulario.</translation>
    </message>
    <message>
        <source>Changed by {user} at {time} while you were editing.</source>
        <translation>Modificado por {user} a las {time} mientras lo editaba.</translation>
    </message>
    <message>
        <source>Changed by {user} at {time} while you were editing — compare to keep yours, take theirs or merge before saving.</source>
        <translation>Modificado por {user} a las {time} mientras lo editaba: compare para conservar lo suyo, tomar lo del otro o combinar antes de guardar.</translation>
    </message>
    <message>
        <source>Reading the stored {label}</source>
        <translation>Leyendo {label} guardado</translation>
    </message>
    <message>
        <source>{label} was changed by someone else since you opened it.</source>
        <translation>{label}: otra persona lo modificó después de que usted lo abriera.</translation>
    </message>
    <message>
        <source>Choose, field by field, what the form keeps; then save it.</source>
        <translation>Elija, campo por campo, qué conserva el formulario; después guárdelo.</translation>
    </message>
</context>
<context>
    <name>CreateRecord</name>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
</context>
<context>
    <name>CsvActions</name>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exportar CSV…</translation>
    </message>
    <message>
        <source>Write incidents, facilities, plan items or directives to a CSV, ZIP or Excel (XLSX) file</source>
        <translation>Escribir incidentes, instalaciones, elementos del plan o directivas en un archivo CSV, ZIP o Excel (XLSX)</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Importar CSV…</translation>
    </message>
    <message>
        <source>Read incidents, facilities, plan items or directives from a CSV file (all or nothing)</source>
        <translation>Leer incidentes, instalaciones, elementos del plan o directivas de un archivo CSV (todo o nada)</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>No hay ninguna base de datos abierta.</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exportar CSV</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportación</translation>
    </message>
    <message>
        <source>Writing {plural} to {name}…</source>
        <translation>Escribiendo {plural} en {name}…</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Exportación cancelada; no se escribió ningún archivo.</translation>
    </message>
    <message>
        <source>{rows} {plural} exported to {written}, protected by a passphrase</source>
        <translation>{rows} {plural} exportados a {written}, protegidos con una frase de contraseña</translation>
    </message>
    <message>
        <source>, their legal history to {name}</source>
        <translation>, su historial jurídico a {name}</translation>
    </message>
    <message>
        <source>{rows} {plural} exported to {path}{also}</source>
        <translation>{rows} {plural} exportados a {path}{also}</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>Importar CSV</translation>
    </message>
    <message>
        <source>{summary} Choose which version to keep for each conflict below, then Import.</source>
        <translation>{summary} Elija abajo qué versión conservar en cada conflicto y después Importar.</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>Comprobando</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Importando</translation>
    </message>
</context>
<context>
    <name>CustodyDialog</name>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Received from</source>
        <translation>Recibido de</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Recibido por</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Finalidad</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Registrado</translation>
    </message>
    <message>
        <source>Entries are added, never changed or removed; each one is kept in the audit trail.</source>
        <translation>Las entradas se añaden, nunca se modifican ni se eliminan; cada una queda en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Custody of {file_name}</source>
        <translation>Custodia de {file_name}</translation>
    </message>
    <message>
        <source>{file_name} ({size_text}, SHA-256 {value}…). {APPEND_ONLY}</source>
        <translation>{file_name} ({size_text}, SHA-256 {value}…). {APPEND_ONLY}</translation>
    </message>
    <message>
        <source>who handed it over, e.g. Officer J. Ruiz, Tacoma PD</source>
        <translation>quién lo entregó, p. ej. agente J. Ruiz, policía de Tacoma</translation>
    </message>
    <message>
        <source>Date of the hand-over</source>
        <translation>Fecha de la entrega</translation>
    </message>
    <message>
        <source>e.g. analysis, court exhibit, storage</source>
        <translation>p. ej. análisis, prueba ante el tribunal, almacenamiento</translation>
    </message>
    <message>
        <source>&amp;Add entry</source>
        <translation>&amp;Añadir entrada</translation>
    </message>
    <message>
        <source>Append a hand-over</source>
        <translation>Añadir una entrega</translation>
    </message>
    <message>
        <source>Received &amp;from</source>
        <translation>Recibido &amp;de</translation>
    </message>
    <message>
        <source>Received &amp;by</source>
        <translation>Recibido &amp;por</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <source>&amp;Purpose</source>
        <translation>F&amp;inalidad</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Nota</translation>
    </message>
    <message>
        <source>No hand-over is recorded yet.</source>
        <translation>Aún no hay ninguna entrega registrada.</translation>
    </message>
    <message>
        <source>The date cannot be read: {error}</source>
        <translation>No se puede leer la fecha: {error}</translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <source>By facility</source>
        <translation>Por instalación</translation>
    </message>
    <message>
        <source>By state</source>
        <translation>Por estado</translation>
    </message>
    <message>
        <source>Group incidents</source>
        <translation>Agrupar incidentes</translation>
    </message>
    <message>
        <source>&amp;Group incidents:</source>
        <translation>&amp;Agrupar incidentes:</translation>
    </message>
    <message>
        <source>Plan items overdue or due this week</source>
        <translation>Elementos del plan vencidos o que vencen esta semana</translation>
    </message>
    <message>
        <source>Security reassessments due (ISC: 3 years at FSL III–V, 5 at FSL I–II)</source>
        <translation>Reevaluaciones de seguridad pendientes (ISC: 3 años con FSL III–V, 5 con FSL I–II)</translation>
    </message>
    <message>
        <source>Directives: plan items implemented, overdue in red</source>
        <translation>Directivas: elementos del plan implantados, vencidas en rojo</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>No hay ninguna base de datos abierta.</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>Leyendo las cifras…</translation>
    </message>
    <message>
        <source>Could not read the figures from {display_name}: {error}</source>
        <translation>No se pudieron leer las cifras de {display_name}: {error}</translation>
    </message>
    <message>
        <source>Showing {describe_filter}; deadlines as of {isoformat}.</source>
        <translation>Se muestra: {describe_filter}; plazos a fecha de {isoformat}.</translation>
    </message>
</context>
<context>
    <name>DatabaseChecks</name>
    <message>
        <source>&amp;Check database now</source>
        <translation>&amp;Comprobar la base de datos ahora</translation>
    </message>
    <message>
        <source>Run the full integrity check of the database file in the background</source>
        <translation>Ejecutar en segundo plano la comprobación completa de integridad del archivo de base de datos</translation>
    </message>
    <message>
        <source>Only a database file can be checked here; a server checks its own storage.</source>
        <translation>Aquí solo se puede comprobar un archivo de base de datos; un servidor comprueba su propio almacenamiento.</translation>
    </message>
    <message>
        <source>The database is being checked already.</source>
        <translation>La base de datos ya se está comprobando.</translation>
    </message>
    <message>
        <source>Checking {name} in the background (full integrity check)…</source>
        <translation>Comprobando {name} en segundo plano (comprobación completa de integridad)…</translation>
    </message>
</context>
<context>
    <name>DateLabel</name>
    <message>
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>del {start} al {end}</translation>
    </message>
    <message>
        <source>about {date}</source>
        <translation>hacia {date}</translation>
    </message>
    <message>
        <source>{date}, {band}</source>
        <translation>{date}, {band}</translation>
    </message>
</context>
<context>
    <name>DateTimeInput</name>
    <message>
        <source>{iso} or {local}</source>
        <translation>{iso} o {local}</translation>
    </message>
</context>
<context>
    <name>DayInput</name>
    <message>
        <source>from {day}, the first day of {period}</source>
        <translation>desde el {day}, primer día de {period}</translation>
    </message>
    <message>
        <source>to {day}, the last day of {period}</source>
        <translation>hasta el {day}, último día de {period}</translation>
    </message>
    <message>
        <source>this field needs one day, e.g. 2019-07-13</source>
        <translation>este campo necesita un día, p. ej. 2019-07-13</translation>
    </message>
</context>
<context>
    <name>DeadlineTable</name>
    <message>
        <source> ({days} d late)</source>
        <translation> ({days} d de retraso)</translation>
    </message>
    <message>
        <source>All facilities</source>
        <translation>Todas las instalaciones</translation>
    </message>
</context>
<context>
    <name>DeadlineTables</name>
    <message>
        <source>Due</source>
        <translation>Vencimiento</translation>
    </message>
    <message>
        <source>Plan item</source>
        <translation>Elemento del plan</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Instalación</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>No plan item is overdue or due this week.</source>
        <translation>Ningún elemento del plan está vencido ni vence esta semana.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Last assessment</source>
        <translation>Última evaluación</translation>
    </message>
    <message>
        <source>No security reassessment is due.</source>
        <translation>No hay ninguna reevaluación de seguridad pendiente.</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Plazo</translation>
    </message>
    <message>
        <source>Directive</source>
        <translation>Directiva</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avance</translation>
    </message>
    <message>
        <source>No directive is recorded.</source>
        <translation>No hay ninguna directiva registrada.</translation>
    </message>
</context>
<context>
    <name>DeadlinesLabel</name>
    <message>
        <source>{overdue} overdue, {due_this_week} due this week</source>
        <translation>{overdue} vencidos, {due_this_week} vencen esta semana</translation>
    </message>
    <message>
        <source>Open plan items past their due date, and due within the next 7 days</source>
        <translation>Elementos del plan abiertos con la fecha de vencimiento pasada, y los que vencen en los próximos 7 días</translation>
    </message>
</context>
<context>
    <name>DeleteRecord</name>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>redoing the delete</source>
        <translation>rehacer la eliminación</translation>
    </message>
</context>
<context>
    <name>DetailsDialog</name>
    <message>
        <source>Details of {file_name}</source>
        <translation>Detalles de {file_name}</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>&amp;Sensitive: left out of redacted exports, briefings and evidence packages</source>
        <translation>&amp;Confidencial: se omite en las exportaciones censuradas, los informes y los paquetes de pruebas</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Descripción</translation>
    </message>
</context>
<context>
    <name>DirectiveFilterBar</name>
    <message>
        <source>Search title, issuing office, source, notes… (Ctrl+F)</source>
        <translation>Buscar título, órgano emisor, fuente, notas… (Ctrl+F)</translation>
    </message>
    <message>
        <source>All facilities</source>
        <translation>Todas las instalaciones</translation>
    </message>
    <message>
        <source>Reachin&amp;g:</source>
        <translation>&amp;Alcance:</translation>
    </message>
    <message>
        <source>Directives past their deadline whose plan items are not all implemented</source>
        <translation>Directivas con el plazo vencido cuyos elementos del plan no están todos implantados</translation>
    </message>
    <message>
        <source>&amp;Overdue only</source>
        <translation>Solo &amp;vencidas</translation>
    </message>
</context>
<context>
    <name>DirectiveForm</name>
    <message>
        <source>what is ordered, e.g. FPS: plan to secure all ICE facilities</source>
        <translation>qué se ordena, p. ej. FPS: plan para proteger todas las instalaciones de ICE</translation>
    </message>
    <message>
        <source>who ordered it, e.g. DHS Deputy Secretary</source>
        <translation>quién lo ordenó, p. ej. subsecretario del DHS</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Emitida</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>no se sabe</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Plazo</translation>
    </message>
    <message>
        <source>no deadline</source>
        <translation>sin plazo</translation>
    </message>
    <message>
        <source>+{days} days</source>
        <translation>+{days} días</translation>
    </message>
    <message>
        <source>The deadline {days} days after the day issued (or today)</source>
        <translation>El plazo {days} días después del día de emisión (o de hoy)</translation>
    </message>
    <message>
        <source>the document it comes from, e.g. DHS memo of 12 September 2019</source>
        <translation>el documento del que procede, p. ej. memorando del DHS del 12 de septiembre de 2019</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Título</translation>
    </message>
    <message>
        <source>Issuing &amp;office</source>
        <translation>&amp;Órgano emisor</translation>
    </message>
    <message>
        <source>&amp;Issued</source>
        <translation>&amp;Emitida</translation>
    </message>
    <message>
        <source>&amp;Deadline</source>
        <translation>&amp;Plazo</translation>
    </message>
    <message>
        <source>&amp;Source document</source>
        <translation>Documento de &amp;origen</translation>
    </message>
    <message>
        <source>S&amp;cope</source>
        <translation>Al&amp;cance</translation>
    </message>
    <message>
        <source>&amp;Facility</source>
        <translation>&amp;Instalación</translation>
    </message>
    <message>
        <source>&amp;Agencies</source>
        <translation>&amp;Agencias</translation>
    </message>
    <message>
        <source>Facility t&amp;ypes</source>
        <translation>Tipos de ins&amp;talación</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <source>must be chosen from the list (no facility is named “{typed}”)</source>
        <translation>debe elegirse de la lista (ninguna instalación se llama «{typed}»)</translation>
    </message>
</context>
<context>
    <name>DirectiveTable</name>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source> ({days} d late)</source>
        <translation> ({days} d de retraso)</translation>
    </message>
</context>
<context>
    <name>DirectiveTableModel</name>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Issuing office</source>
        <translation>Órgano emisor</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Emitida</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Plazo</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Alcance</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avance</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>vencida</translation>
    </message>
    <message>
        <source>{implemented} of {total} plan items implemented or with the risk accepted</source>
        <translation>{implemented} de {total} elementos del plan implantados o con el riesgo aceptado</translation>
    </message>
    <message>
        <source>; the deadline {day} has passed</source>
        <translation>; el plazo del {day} ha vencido</translation>
    </message>
</context>
<context>
    <name>Directives</name>
    <message>
        <source>(no facility chosen)</source>
        <translation>(ninguna instalación elegida)</translation>
    </message>
    <message>
        <source>All facilities</source>
        <translation>Todas las instalaciones</translation>
    </message>
    <message>
        <source>Source: {source_reference}</source>
        <translation>Fuente: {source_reference}</translation>
    </message>
    <message>
        <source>Notes: {notes}</source>
        <translation>Notas: {notes}</translation>
    </message>
</context>
<context>
    <name>EmptyStates</name>
    <message>
        <source>New facility</source>
        <translation>Nueva instalación</translation>
    </message>
    <message>
        <source>New incident</source>
        <translation>Nuevo incidente</translation>
    </message>
    <message>
        <source>New plan item</source>
        <translation>Nuevo elemento del plan</translation>
    </message>
    <message>
        <source>New directive</source>
        <translation>Nueva directiva</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>Importar CSV</translation>
    </message>
    <message>
        <source>Load demo records</source>
        <translation>Cargar registros de demostración</translation>
    </message>
    <message>
        <source>No incidents are recorded yet. An incident happens at a facility: add the facility first, import records from a CSV file, or look around with the demo records.</source>
        <translation>Aún no hay incidentes registrados. Un incidente ocurre en una instalación: añada primero la instalación, importe registros de un archivo CSV o explore con los registros de demostración.</translation>
    </message>
    <message>
        <source>No facilities are recorded yet. Add one, import them from a CSV file, or load the demo records.</source>
        <translation>Aún no hay instalaciones registradas. Añada una, impórtelas de un archivo CSV o cargue los registros de demostración.</translation>
    </message>
    <message>
        <source>No plan items are recorded yet. Add one, or import them from a CSV file.</source>
        <translation>Aún no hay elementos del plan registrados. Añada uno o impórtelos de un archivo CSV.</translation>
    </message>
    <message>
        <source>No directives are recorded yet. A directive orders facilities secured by a deadline (“FPS: plan to secure all ICE facilities within two weeks”); its plan items carry it out. Add one, import them from a CSV file, or load the demo records.</source>
        <translation>Aún no hay directivas registradas. Una directiva ordena proteger instalaciones en un plazo («FPS: plan para proteger todas las instalaciones de ICE en dos semanas»); sus elementos del plan la ejecutan. Añada una, impórtelas de un archivo CSV o cargue los registros de demostración.</translation>
    </message>
    <message>
        <source>Loading the demo data</source>
        <translation>Cargar los datos de demostración</translation>
    </message>
    <message>
        <source>Demo data loaded.</source>
        <translation>Datos de demostración cargados.</translation>
    </message>
    <message>
        <source>The demo records are already here.</source>
        <translation>Los registros de demostración ya están aquí.</translation>
    </message>
</context>
<context>
    <name>EncryptionBadge</name>
    <message>
        <source>This database is encrypted (SQLCipher, AES-256): the file, its journal and its backups cannot be read without its passphrase. A forgotten passphrase cannot be recovered.</source>
        <translation>Esta base de datos está cifrada (SQLCipher, AES-256): el archivo, su diario y sus copias de seguridad no se pueden leer sin su frase de contraseña. Una frase de contraseña olvidada no se puede recuperar.</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>Cifrada</translation>
    </message>
    <message>
        <source>Database encrypted</source>
        <translation>Base de datos cifrada</translation>
    </message>
</context>
<context>
    <name>EntryDraft</name>
    <message>
        <source>needs a date (a year, a month or a range will do)</source>
        <translation>necesita una fecha (vale un año, un mes o un intervalo)</translation>
    </message>
    <message>
        <source>date {error}</source>
        <translation>fecha {error}</translation>
    </message>
    <message>
        <source>date {value}</source>
        <translation>fecha {value}</translation>
    </message>
</context>
<context>
    <name>ErrorDialogs</name>
    <message>
        <source>Case number</source>
        <translation>Número de caso</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Instalación</translation>
    </message>
    <message>
        <source>ZIP code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <source>Facility Security Level</source>
        <translation>Nivel de seguridad de la instalación (FSL)</translation>
    </message>
    <message>
        <source>Occurred</source>
        <translation>Ocurrido</translation>
    </message>
    <message>
        <source>Damage estimate (USD)</source>
        <translation>Estimación de daños (USD)</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fecha de vencimiento</translation>
    </message>
    <message>
        <source>Risk rationale</source>
        <translation>Justificación del riesgo</translation>
    </message>
    <message>
        <source>The record was not saved because some fields need attention.</source>
        <translation>El registro no se guardó porque algunos campos requieren atención.</translation>
    </message>
    <message>
        <source>This record was changed elsewhere since you opened it; nothing was saved.</source>
        <translation>Este registro se modificó en otro lugar desde que lo abrió; no se guardó nada.</translation>
    </message>
    <message>
        <source>Open it again to see the current values, then apply your change once more.</source>
        <translation>Ábralo de nuevo para ver los valores actuales y aplique otra vez su cambio.</translation>
    </message>
    <message>
        <source>The record no longer exists; it may have been deleted elsewhere.</source>
        <translation>El registro ya no existe; puede haberse eliminado en otro lugar.</translation>
    </message>
    <message>
        <source>The record is still in use and was not deleted.</source>
        <translation>El registro todavía está en uso y no se eliminó.</translation>
    </message>
    <message>
        <source>This database is already open in another Incident Logger window.</source>
        <translation>Esta base de datos ya está abierta en otra ventana de Incident Logger.</translation>
    </message>
    <message>
        <source>The database file cannot be used.</source>
        <translation>No se puede usar el archivo de base de datos.</translation>
    </message>
    <message>
        <source>The database was written by a newer version of Incident Logger; it was left as it is.</source>
        <translation>La base de datos la escribió una versión más reciente de Incident Logger; se dejó tal cual.</translation>
    </message>
    <message>
        <source>The file is a database of another program; it was left as it is.</source>
        <translation>El archivo es una base de datos de otro programa; se dejó tal cual.</translation>
    </message>
    <message>
        <source>this login</source>
        <translation>este usuario</translation>
    </message>
    <message>
        <source>The server refused this for your role, {role}; nothing was changed.</source>
        <translation>El servidor lo rechazó para su rol, {role}; no se cambió nada.</translation>
    </message>
    <message>
        <source>Another change was being saved at the same time; nothing was saved.</source>
        <translation>Otro cambio se estaba guardando al mismo tiempo; no se guardó nada.</translation>
    </message>
    <message>
        <source>It was tried again several times. Your entries are kept; save again.</source>
        <translation>Se intentó varias veces. Lo que escribió sigue en el formulario; guarde de nuevo.</translation>
    </message>
    <message>
        <source>The database could not be read or written.</source>
        <translation>No se pudo leer ni escribir la base de datos.</translation>
    </message>
    <message>
        <source>The database reported a problem; nothing was changed.</source>
        <translation>La base de datos informó de un problema; no se cambió nada.</translation>
    </message>
    <message>
        <source>A file could not be used.</source>
        <translation>No se pudo usar un archivo.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong.</source>
        <translation>Ocurrió un error inesperado.</translation>
    </message>
    <message>
        <source>The connection to the database server dropped while saving; whether the change was saved is not known yet.</source>
        <translation>La conexión con el servidor de la base de datos se cortó al guardar; aún no se sabe si el cambio se guardó.</translation>
    </message>
    <message>
        <source>Your entries are kept in the form. Once the server answers again, look for the record before saving again.</source>
        <translation>Lo que escribió sigue en el formulario. Cuando el servidor vuelva a responder, busque el registro antes de guardar de nuevo.</translation>
    </message>
    <message>
        <source>The database server took too long; nothing was saved.</source>
        <translation>El servidor de la base de datos tardó demasiado; no se guardó nada.</translation>
    </message>
    <message>
        <source>The database server took too long to answer.</source>
        <translation>El servidor de la base de datos tardó demasiado en responder.</translation>
    </message>
    <message>
        <source>It cancelled the statement after its time limit (30 s unless the connection sets another). Narrow the search or filters, or ask the server&apos;s administrator whether it is busy.</source>
        <translation>Canceló la instrucción al llegar a su tiempo límite (30 s salvo que la conexión fije otro). Acote la búsqueda o los filtros, o pregunte al administrador del servidor si está ocupado.</translation>
    </message>
    <message>
        <source>Could not be saved: the database server is not reachable.</source>
        <translation>No se pudo guardar: no se puede contactar con el servidor de la base de datos.</translation>
    </message>
    <message>
        <source>Your entries are kept in the form; save again when the server is back.</source>
        <translation>Lo que escribió sigue en el formulario; guarde de nuevo cuando el servidor vuelva.</translation>
    </message>
    <message>
        <source>The database server is not reachable.</source>
        <translation>No se puede contactar con el servidor de la base de datos.</translation>
    </message>
    <message>
        <source>The window tries again by itself; what it shows may be out of date meanwhile.</source>
        <translation>La ventana vuelve a intentarlo sola; mientras tanto, lo que muestra puede no estar al día.</translation>
    </message>
    <message>
        <source>Incident Logger</source>
        <translation>Incident Logger</translation>
    </message>
    <message>
        <source> while {lower}</source>
        <translation> al {lower}</translation>
    </message>
    <message>
        <source>

Details were written to the log{log_hint}.</source>
        <translation>

Los detalles se escribieron en el registro{log_hint}.</translation>
    </message>
    <message>
        <source>{details}

Details were written to the log{log_hint}.</source>
        <translation>{details}

Los detalles se escribieron en el registro{log_hint}.</translation>
    </message>
</context>
<context>
    <name>EvidenceActions</name>
    <message>
        <source>Export evidence package</source>
        <translation>Exportar paquete de pruebas</translation>
    </message>
    <message>
        <source>ZIP files (*.zip);;All files (*)</source>
        <translation>Archivos ZIP (*.zip);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Export &amp;evidence package…</source>
        <translation>Exportar paquete de &amp;pruebas…</translation>
    </message>
    <message>
        <source>Write the selected incident&apos;s attached files, verified against their SHA-256, with manifests and a custody report, as one ZIP file</source>
        <translation>Escribir los archivos adjuntos del incidente seleccionado, verificados con su SHA-256, con manifiestos y un informe de custodia, en un único archivo ZIP</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>No hay ninguna base de datos abierta.</translation>
    </message>
    <message>
        <source>Select an incident on the Incidents tab first.</source>
        <translation>Seleccione primero un incidente en la pestaña Incidentes.</translation>
    </message>
    <message numerus="yes">
        <source>the %n attachment marked sensitive</source>
        <translation>
            <numerusform>el %n adjunto marcado como confidencial</numerusform>
            <numerusform>los %n adjuntos marcados como confidenciales</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the %n attachments marked sensitive</source>
        <translation>
            <numerusform>el %n adjunto marcado como confidencial</numerusform>
            <numerusform>los %n adjuntos marcados como confidenciales</numerusform>
        </translation>
    </message>
    <message>
        <source>The evidence package was written to {path}: {files} ({size_text}), each checked against its SHA-256, with the manifests and the custody report; {withheld_text}{protected}.</source>
        <translation>El paquete de pruebas se escribió en {path}: {files} ({size_text}), cada uno comprobado con su SHA-256, con los manifiestos y el informe de custodia; {withheld_text}{protected}.</translation>
    </message>
    <message numerus="yes">
        <source>%n file</source>
        <translation>
            <numerusform>%n archivo</numerusform>
            <numerusform>%n archivos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n files</source>
        <translation>
            <numerusform>%n archivo</numerusform>
            <numerusform>%n archivos</numerusform>
        </translation>
    </message>
    <message>
        <source>. Every file in it is protected by the passphrase</source>
        <translation>. Todos sus archivos están protegidos con la frase de contraseña</translation>
    </message>
    <message>
        <source>this evidence package</source>
        <translation>este paquete de pruebas</translation>
    </message>
    <message>
        <source>The evidence package was not written: {error}</source>
        <translation>No se escribió el paquete de pruebas: {error}</translation>
    </message>
    <message>
        <source>Evidence package written to {path}</source>
        <translation>Paquete de pruebas escrito en {path}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Exportación</translation>
    </message>
    <message>
        <source>&amp;All rows</source>
        <translation>&amp;Todas las filas</translation>
    </message>
    <message>
        <source>Only the rows the &amp;view shows</source>
        <translation>Solo las filas que muestra la &amp;vista</translation>
    </message>
    <message>
        <source>Select a&amp;ll</source>
        <translation>Seleccionar &amp;todas</translation>
    </message>
    <message>
        <source>Select &amp;none</source>
        <translation>&amp;No seleccionar ninguna</translation>
    </message>
    <message>
        <source>Start with a byte order mark (for Excel)</source>
        <translation>Empezar con una marca de orden de bytes (para Excel)</translation>
    </message>
    <message>
        <source>Files for spreadsheets always start with one: Excel needs it to read UTF-8</source>
        <translation>Los archivos para hojas de cálculo siempre empiezan con una: Excel la necesita para leer UTF-8</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <source>&amp;Export:</source>
        <translation>&amp;Exportar:</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>Filas:</translation>
    </message>
    <message>
        <source>&amp;Made for:</source>
        <translation>&amp;Destinado a:</translation>
    </message>
    <message>
        <source>&amp;Columns:</source>
        <translation>&amp;Columnas:</translation>
    </message>
    <message>
        <source>Sensitive fields:</source>
        <translation>Campos confidenciales:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Archivo:</translation>
    </message>
    <message>
        <source>The view shows: {shown}</source>
        <translation>La vista muestra: {shown}</translation>
    </message>
    <message>
        <source>The view shows every row (no filter).</source>
        <translation>La vista muestra todas las filas (sin filtro).</translation>
    </message>
    <message>
        <source>  – sensitive</source>
        <translation>  – confidencial</translation>
    </message>
    <message>
        <source>Names for people as headers, labels, dates a spreadsheet reads as dates; the legal history in its own file. Imports back.</source>
        <translation>Nombres legibles como encabezados, etiquetas, fechas que una hoja de cálculo lee como fechas; el historial jurídico en su propio archivo. Se puede volver a importar.</translation>
    </message>
    <message>
        <source>Column keys, codes and labels, dates in EDTF, the legal history in one cell: the layout scripts and other databases read. Imports back.</source>
        <translation>Claves de columna, códigos y etiquetas, fechas en EDTF, el historial jurídico en una celda: el formato que leen los scripts y otras bases de datos. Se puede volver a importar.</translation>
    </message>
    <message>
        <source>this CSV file</source>
        <translation>este archivo CSV</translation>
    </message>
    <message>
        <source>a ZIP file with a README</source>
        <translation>un archivo ZIP con un LÉAME</translation>
    </message>
    <message>
        <source>an Excel workbook</source>
        <translation>un libro de Excel</translation>
    </message>
    <message>
        <source>Writes {names} ({kind}).</source>
        <translation>Escribe {names} ({kind}).</translation>
    </message>
</context>
<context>
    <name>ExportPassphraseDialog</name>
    <message>
        <source>Protect the export with a passphrase</source>
        <translation>Proteger la exportación con una frase de contraseña</translation>
    </message>
    <message>
        <source>{name} will be a ZIP file whose content is encrypted (AES-256). Whoever opens it needs this passphrase (7-Zip and WinZip ask for it). Keep the passphrase apart from the file: whoever has both reads it.</source>
        <translation>{name} será un archivo ZIP con el contenido cifrado (AES-256). Quien lo abra necesita esta frase de contraseña (7-Zip y WinZip la piden). Guarde la frase de contraseña aparte del archivo: quien tenga ambos puede leerlo.</translation>
    </message>
    <message>
        <source>&amp;Write protected ZIP</source>
        <translation>&amp;Escribir ZIP protegido</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Repítala:</translation>
    </message>
    <message>
        <source>Type the passphrase, then type it again.</source>
        <translation>Escriba la frase de contraseña y luego repítala.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
    <message>
        <source>Type the passphrase again below.</source>
        <translation>Escriba de nuevo la frase de contraseña abajo.</translation>
    </message>
</context>
<context>
    <name>Facilities</name>
    <message>
        <source>never assessed</source>
        <translation>nunca evaluada</translation>
    </message>
    <message>
        <source>Not assessed: no Facility Security Level recorded</source>
        <translation>No evaluada: no hay ningún nivel de seguridad (FSL) registrado</translation>
    </message>
    <message>
        <source>Assessed, but the Facility Security Level is not known</source>
        <translation>Evaluada, pero no se conoce el nivel de seguridad (FSL)</translation>
    </message>
    <message>
        <source>Facility Security Level {choice_label}</source>
        <translation>Nivel de seguridad de la instalación {choice_label}</translation>
    </message>
    <message>
        <source>ISC cycle: reassess every 3 years at FSL III–V, every 5 years at FSL I–II</source>
        <translation>Ciclo ISC: reevaluar cada 3 años con FSL III–V, cada 5 años con FSL I–II</translation>
    </message>
</context>
<context>
    <name>FacilityChoice</name>
    <message>
        <source>New facility…</source>
        <translation>Nueva instalación…</translation>
    </message>
    <message>
        <source>New facility “{value}”…</source>
        <translation>Nueva instalación «{value}»…</translation>
    </message>
    <message>
        <source>Add a facility named “{name}” and choose it for this record</source>
        <translation>Añadir una instalación llamada «{name}» y elegirla para este registro</translation>
    </message>
</context>
<context>
    <name>FacilityFilterBar</name>
    <message>
        <source>Search name, city, address, notes… (Ctrl+F)</source>
        <translation>Buscar nombre, ciudad, dirección, notas… (Ctrl+F)</translation>
    </message>
    <message>
        <source>All agencies</source>
        <translation>Todas las agencias</translation>
    </message>
    <message>
        <source>A&amp;gency:</source>
        <translation>A&amp;gencia:</translation>
    </message>
    <message>
        <source>Reassessment d&amp;ue</source>
        <translation>Reevaluación &amp;pendiente</translation>
    </message>
    <message>
        <source>Facilities whose ISC security reassessment is due today or earlier</source>
        <translation>Instalaciones cuya reevaluación de seguridad ISC vence hoy o antes</translation>
    </message>
</context>
<context>
    <name>FacilityForm</name>
    <message>
        <source>Not assessed</source>
        <translation>No evaluada</translation>
    </message>
    <message>
        <source>Unknown (assessed, level not known)</source>
        <translation>Desconocido (evaluada, nivel no conocido)</translation>
    </message>
    <message>
        <source>the contractor or office that runs it, e.g. GEO Group</source>
        <translation>el contratista u oficina que la gestiona, p. ej. GEO Group</translation>
    </message>
    <message>
        <source>12345 or 12345-6789</source>
        <translation>12345 o 12345-6789</translation>
    </message>
    <message>
        <source>Last assessment</source>
        <translation>Última evaluación</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>no evaluada</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Agency</source>
        <translation>&amp;Agencia</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Tipo</translation>
    </message>
    <message>
        <source>Operated b&amp;y</source>
        <translation>Gestionada p&amp;or</translation>
    </message>
    <message>
        <source>Operator (&amp;who runs it)</source>
        <translation>Operador (&amp;quién la gestiona)</translation>
    </message>
    <message>
        <source>Add&amp;ress</source>
        <translation>&amp;Dirección</translation>
    </message>
    <message>
        <source>&amp;City</source>
        <translation>&amp;Ciudad</translation>
    </message>
    <message>
        <source>&amp;State</source>
        <translation>&amp;Estado</translation>
    </message>
    <message>
        <source>&amp;ZIP code</source>
        <translation>Código &amp;postal</translation>
    </message>
    <message>
        <source>&amp;Latitude</source>
        <translation>&amp;Latitud</translation>
    </message>
    <message>
        <source>L&amp;ongitude</source>
        <translation>L&amp;ongitud</translation>
    </message>
    <message>
        <source>Security (ISC)</source>
        <translation>Seguridad (ISC)</translation>
    </message>
    <message>
        <source>Security le&amp;vel (FSL)</source>
        <translation>Ni&amp;vel de seguridad (FSL)</translation>
    </message>
    <message>
        <source>Last assess&amp;ment</source>
        <translation>Última evalua&amp;ción</translation>
    </message>
    <message>
        <source>Reassessment due</source>
        <translation>Próxima reevaluación</translation>
    </message>
    <message>
        <source>Not&amp;es</source>
        <translation>Not&amp;as</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Plazo</translation>
    </message>
    <message>
        <source>Directive</source>
        <translation>Directiva</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Alcance</translation>
    </message>
    <message>
        <source>Occurred</source>
        <translation>Ocurrido</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>No incidents</source>
        <translation>Sin incidentes</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vencimiento</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>No plan items</source>
        <translation>Sin elementos del plan</translation>
    </message>
    <message>
        <source>&amp;Incidents at this facility ({count})</source>
        <translation>&amp;Incidentes en esta instalación ({count})</translation>
    </message>
    <message>
        <source>&amp;Plan items ({count})</source>
        <translation>&amp;Elementos del plan ({count})</translation>
    </message>
    <message>
        <source>a security level</source>
        <translation>un nivel de seguridad</translation>
    </message>
    <message>
        <source>the last assessment date</source>
        <translation>la fecha de la última evaluación</translation>
    </message>
    <message>
        <source>— (the level is not known)</source>
        <translation>— (no se conoce el nivel)</translation>
    </message>
    <message>
        <source>— (needs {needs})</source>
        <translation>— (necesita {needs})</translation>
    </message>
    <message>
        <source>{isoformat} (every {reassessment_years} years at FSL {label})</source>
        <translation>{isoformat} (cada {reassessment_years} años con FSL {label})</translation>
    </message>
    <message>
        <source> — overdue</source>
        <translation> — vencida</translation>
    </message>
    <message>
        <source>Another facility is already named “{other}”. Saving is still possible; check that this is not the same facility.</source>
        <translation>Ya hay otra instalación llamada «{other}». Se puede guardar igualmente; compruebe que no es la misma instalación.</translation>
    </message>
    <message>
        <source>No directive reaches this facility</source>
        <translation>Ninguna directiva alcanza a esta instalación</translation>
    </message>
    <message>
        <source>&amp;Directives that reach this facility ({len})</source>
        <translation>&amp;Directivas que alcanzan a esta instalación ({len})</translation>
    </message>
</context>
<context>
    <name>FacilityPicker</name>
    <message>
        <source>type part of the facility&apos;s name</source>
        <translation>escriba parte del nombre de la instalación</translation>
    </message>
</context>
<context>
    <name>FacilityTableModel</name>
    <message>
        <source>overdue</source>
        <translation>vencida</translation>
    </message>
</context>
<context>
    <name>FactCharts</name>
    <message>
        <source>Catastrophic, $1B+</source>
        <translation>Catastrófico, 1.000 M$ o más</translation>
    </message>
    <message>
        <source>Major, $1M+</source>
        <translation>Grave, 1 M$ o más</translation>
    </message>
    <message>
        <source>Minor, under $1M</source>
        <translation>Menor, menos de 1 M$</translation>
    </message>
    <message>
        <source>Damage, extent unknown</source>
        <translation>Daños, magnitud desconocida</translation>
    </message>
    <message>
        <source>No damage</source>
        <translation>Sin daños</translation>
    </message>
    <message>
        <source>Not known if damaged</source>
        <translation>Se desconoce si hubo daños</translation>
    </message>
    <message>
        <source>Incidents by primary target type ({total})</source>
        <translation>Incidentes por tipo de objetivo principal ({total})</translation>
    </message>
    <message>
        <source>Each incident counted once, by its primary (first) target type, as the GTD counts them.</source>
        <translation>Cada incidente se cuenta una vez, por su tipo de objetivo principal (el primero), como los cuenta la GTD.</translation>
    </message>
    <message>
        <source>Primary target type</source>
        <translation>Tipo de objetivo principal</translation>
    </message>
    <message>
        <source>{damaged} damaged, {unknown} not known if damaged</source>
        <translation>{damaged} con daños, {unknown} sin saber si hubo daños</translation>
    </message>
    <message>
        <source>GTD property extent: catastrophic ≥ $1 billion, major ≥ $1 million, minor &lt; $1 million. “Damage, extent unknown” had damage of unknown size; “Not known if damaged” is not “No damage”.</source>
        <translation>Magnitud de daños materiales según la GTD: catastrófico ≥ 1.000 millones de dólares, grave ≥ 1 millón, menor &lt; 1 millón. «Daños, magnitud desconocida» tuvo daños de tamaño desconocido; «Se desconoce si hubo daños» no es «Sin daños».</translation>
    </message>
    <message>
        <source>Property damage by GTD extent</source>
        <translation>Daños materiales por magnitud GTD</translation>
    </message>
    <message>
        <source>Damage</source>
        <translation>Daños</translation>
    </message>
</context>
<context>
    <name>Features</name>
    <message>
        <source>&amp;Dashboard</source>
        <translation>Pa&amp;nel</translation>
    </message>
    <message>
        <source>Record &amp;history…</source>
        <translation>&amp;Historial del registro…</translation>
    </message>
    <message>
        <source>Show every recorded change of the selected record (audit trail)</source>
        <translation>Mostrar todos los cambios registrados del registro seleccionado (registro de auditoría)</translation>
    </message>
    <message>
        <source>Select a record first to see its history.</source>
        <translation>Seleccione primero un registro para ver su historial.</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Added at</source>
        <translation>Añadido el</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>Añadido por</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agencia</translation>
    </message>
    <message>
        <source>Approximate</source>
        <translation>Aproximada</translation>
    </message>
    <message>
        <source>Arrests count</source>
        <translation>Número de detenciones</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Attachment uuid</source>
        <translation>UUID del adjunto</translation>
    </message>
    <message>
        <source>Attack type</source>
        <translation>Tipo de ataque</translation>
    </message>
    <message>
        <source>Attack type 2</source>
        <translation>Tipo de ataque 2</translation>
    </message>
    <message>
        <source>Attack type 3</source>
        <translation>Tipo de ataque 3</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Número de caso</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Fecha del cambio</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>Cargos</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Consumado</translation>
    </message>
    <message>
        <source>Created at</source>
        <translation>Creado el</translation>
    </message>
    <message>
        <source>Damage estimate USD</source>
        <translation>Estimación de daños (USD)</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Plazo</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Directive title</source>
        <translation>Título de la directiva</translation>
    </message>
    <message>
        <source>Directive uuid</source>
        <translation>UUID de la directiva</translation>
    </message>
    <message>
        <source>Discovered at</source>
        <translation>Descubierto el</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fecha de vencimiento</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entidad</translation>
    </message>
    <message>
        <source>Entity uuid</source>
        <translation>UUID de la entidad</translation>
    </message>
    <message>
        <source>Entry hash</source>
        <translation>Hash de la entrada</translation>
    </message>
    <message>
        <source>Facility name</source>
        <translation>Nombre de la instalación</translation>
    </message>
    <message>
        <source>Facility type</source>
        <translation>Tipo de instalación</translation>
    </message>
    <message>
        <source>Facility uuid</source>
        <translation>UUID de la instalación</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Nombre del archivo</translation>
    </message>
    <message>
        <source>Happened</source>
        <translation>Ocurrió</translation>
    </message>
    <message>
        <source>Hostages</source>
        <translation>Rehenes</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Incident uuid</source>
        <translation>UUID del incidente</translation>
    </message>
    <message>
        <source>Incident uuids</source>
        <translation>UUID de los incidentes</translation>
    </message>
    <message>
        <source>Investigating agencies</source>
        <translation>Agencias investigadoras</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Emitida el</translation>
    </message>
    <message>
        <source>Issuing office</source>
        <translation>Órgano emisor</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Last assessment</source>
        <translation>Última evaluación</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitud</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitud</translation>
    </message>
    <message>
        <source>Media type</source>
        <translation>Tipo de medio</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Occurred</source>
        <translation>Ocurrido</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>Operator name</source>
        <translation>Nombre del operador</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Owner kind</source>
        <translation>Clase del propietario</translation>
    </message>
    <message>
        <source>Owner uuid</source>
        <translation>UUID del propietario</translation>
    </message>
    <message>
        <source>Perpetrator outcome</source>
        <translation>Suerte de los autores</translation>
    </message>
    <message>
        <source>Perpetrators injured</source>
        <translation>Autores heridos</translation>
    </message>
    <message>
        <source>Perpetrators killed</source>
        <translation>Autores muertos</translation>
    </message>
    <message>
        <source>Personal details</source>
        <translation>Datos personales</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Precisión</translation>
    </message>
    <message>
        <source>Prev hash</source>
        <translation>Hash anterior</translation>
    </message>
    <message>
        <source>Property damage</source>
        <translation>Daños materiales</translation>
    </message>
    <message>
        <source>Property extent</source>
        <translation>Magnitud de los daños</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Finalidad</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Recibido por</translation>
    </message>
    <message>
        <source>Received from</source>
        <translation>Recibido de</translation>
    </message>
    <message>
        <source>Recorded at</source>
        <translation>Registrado el</translation>
    </message>
    <message>
        <source>Ref uuid</source>
        <translation>UUID de referencia</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Related uuids</source>
        <translation>UUID relacionados</translation>
    </message>
    <message>
        <source>Reported at</source>
        <translation>Notificado el</translation>
    </message>
    <message>
        <source>Risk rationale</source>
        <translation>Justificación del riesgo</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Alcance</translation>
    </message>
    <message>
        <source>Scope agencies</source>
        <translation>Agencias del alcance</translation>
    </message>
    <message>
        <source>Scope facility name</source>
        <translation>Instalación del alcance</translation>
    </message>
    <message>
        <source>Scope facility types</source>
        <translation>Tipos de instalación del alcance</translation>
    </message>
    <message>
        <source>Scope facility uuid</source>
        <translation>UUID de la instalación del alcance</translation>
    </message>
    <message>
        <source>Security level</source>
        <translation>Nivel de seguridad</translation>
    </message>
    <message>
        <source>Sensitive</source>
        <translation>Confidencial</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Sha256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Source reference</source>
        <translation>Documento de origen</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>Historial jurídico</translation>
    </message>
    <message>
        <source>Subtype</source>
        <translation>Subtipo</translation>
    </message>
    <message>
        <source>Suspect names</source>
        <translation>Nombres de los sospechosos</translation>
    </message>
    <message>
        <source>Suspects count</source>
        <translation>Número de sospechosos</translation>
    </message>
    <message>
        <source>Target type</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Target type 2</source>
        <translation>Objetivo 2</translation>
    </message>
    <message>
        <source>Target type 3</source>
        <translation>Objetivo 3</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Time of day</source>
        <translation>Franja del día</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Updated at</source>
        <translation>Modificado el</translation>
    </message>
    <message>
        <source>Uuid</source>
        <translation>UUID</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Victims injured</source>
        <translation>Víctimas heridas</translation>
    </message>
    <message>
        <source>Victims killed</source>
        <translation>Víctimas muertas</translation>
    </message>
    <message>
        <source>Weapons</source>
        <translation>Armas</translation>
    </message>
    <message>
        <source>ZIP code</source>
        <translation>Código postal</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
</context>
<context>
    <name>FigureWords</name>
    <message>
        <source>${millions} M</source>
        <translation>{millions} M US$</translation>
    </message>
    <message>
        <source>${amount}</source>
        <translation>{amount} US$</translation>
    </message>
    <message numerus="yes">
        <source>%Ln incident</source>
        <translation>
            <numerusform>%Ln incidente</numerusform>
            <numerusform>%Ln incidentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln incidents</source>
        <translation>
            <numerusform>%Ln incidente</numerusform>
            <numerusform>%Ln incidentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln victim</source>
        <translation>
            <numerusform>%Ln víctima</numerusform>
            <numerusform>%Ln víctimas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln victims</source>
        <translation>
            <numerusform>%Ln víctima</numerusform>
            <numerusform>%Ln víctimas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln perpetrator</source>
        <translation>
            <numerusform>%Ln autor</numerusform>
            <numerusform>%Ln autores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln perpetrators</source>
        <translation>
            <numerusform>%Ln autor</numerusform>
            <numerusform>%Ln autores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln victim killed</source>
        <translation>
            <numerusform>%Ln víctima muerta</numerusform>
            <numerusform>%Ln víctimas muertas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln victims killed</source>
        <translation>
            <numerusform>%Ln víctima muerta</numerusform>
            <numerusform>%Ln víctimas muertas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln perpetrator killed</source>
        <translation>
            <numerusform>%Ln autor muerto</numerusform>
            <numerusform>%Ln autores muertos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln perpetrators killed</source>
        <translation>
            <numerusform>%Ln autor muerto</numerusform>
            <numerusform>%Ln autores muertos</numerusform>
        </translation>
    </message>
    <message>
        <source>victims killed not known in {incidents}</source>
        <translation>víctimas muertas desconocidas en {incidents}</translation>
    </message>
    <message>
        <source>perpetrators killed not known in {incidents}</source>
        <translation>autores muertos desconocidos en {incidents}</translation>
    </message>
    <message>
        <source>Killed</source>
        <translation>Muertos</translation>
    </message>
    <message numerus="yes">
        <source>%Ln victim injured</source>
        <translation>
            <numerusform>%Ln víctima herida</numerusform>
            <numerusform>%Ln víctimas heridas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln victims injured</source>
        <translation>
            <numerusform>%Ln víctima herida</numerusform>
            <numerusform>%Ln víctimas heridas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln perpetrator injured</source>
        <translation>
            <numerusform>%Ln autor herido</numerusform>
            <numerusform>%Ln autores heridos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln perpetrators injured</source>
        <translation>
            <numerusform>%Ln autor herido</numerusform>
            <numerusform>%Ln autores heridos</numerusform>
        </translation>
    </message>
    <message>
        <source>victims injured not known in {incidents}</source>
        <translation>víctimas heridas desconocidas en {incidents}</translation>
    </message>
    <message>
        <source>perpetrators injured not known in {incidents}</source>
        <translation>autores heridos desconocidos en {incidents}</translation>
    </message>
    <message>
        <source>Injured</source>
        <translation>Heridos</translation>
    </message>
    <message>
        <source>damage of unknown value in {incidents}</source>
        <translation>daños de valor desconocido en {incidents}</translation>
    </message>
    <message>
        <source>≥ {amount} known, {of_unknown_value}</source>
        <translation>≥ {amount} conocidos, {of_unknown_value}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>{amount} property damage in {incidents}</source>
        <translation>{amount} en daños materiales en {incidents}</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>ninguno registrado</translation>
    </message>
    <message>
        <source>no property damage recorded</source>
        <translation>ningún daño material registrado</translation>
    </message>
    <message>
        <source>whether there was damage is not known in {incidents}</source>
        <translation>se desconoce si hubo daños en {incidents}</translation>
    </message>
    <message>
        <source>Property damage</source>
        <translation>Daños materiales</translation>
    </message>
    <message>
        <source>some casualty figure not known in {incidents}</source>
        <translation>alguna cifra de bajas desconocida en {incidents}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln possibly in the period</source>
        <translation>
            <numerusform>%Ln posiblemente en el periodo</numerusform>
            <numerusform>%Ln posiblemente en el periodo</numerusform>
        </translation>
    </message>
    <message>
        <source>possibly: the date is approximate or reaches outside the period, so it may lie outside it</source>
        <translation>posiblemente: la fecha es aproximada o se sale del periodo, así que puede quedar fuera de él</translation>
    </message>
    <message>
        <source>occurred {start} to {end}</source>
        <translation>ocurridos del {start} al {end}</translation>
    </message>
    <message>
        <source>occurred {start} to today</source>
        <translation>ocurridos desde el {start} hasta hoy</translation>
    </message>
    <message>
        <source>occurred up to {end}</source>
        <translation>ocurridos hasta el {end}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln facility</source>
        <translation>
            <numerusform>%Ln instalación</numerusform>
            <numerusform>%Ln instalaciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln facilities</source>
        <translation>
            <numerusform>%Ln instalación</numerusform>
            <numerusform>%Ln instalaciones</numerusform>
        </translation>
    </message>
    <message>
        <source>state</source>
        <translation>estado</translation>
    </message>
    <message>
        <source>attack type</source>
        <translation>tipo de ataque</translation>
    </message>
    <message>
        <source>weapon</source>
        <translation>arma</translation>
    </message>
    <message>
        <source>severity</source>
        <translation>gravedad</translation>
    </message>
    <message>
        <source>status</source>
        <translation>estado del caso</translation>
    </message>
    <message>
        <source>open cases only</source>
        <translation>solo casos abiertos</translation>
    </message>
    <message>
        <source>pending referral for prosecution</source>
        <translation>pendientes de remisión a la fiscalía</translation>
    </message>
    <message>
        <source>matching “{text}”</source>
        <translation>que coinciden con “{text}”</translation>
    </message>
    <message>
        <source>all incidents</source>
        <translation>todos los incidentes</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Incidents that occurred, or may have occurred, {bound}: a month, a year, a range or an approximate date reaching into the period counts, and is marked “possibly” in the Occurred column</source>
        <translation>Incidentes que ocurrieron, o pudieron ocurrir, {bound}: cuenta un mes, un año, un intervalo o una fecha aproximada que entre en el periodo, y se marca «posiblemente» en la columna Ocurrido</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Quitar filtros</translation>
    </message>
    <message>
        <source>Show all records again</source>
        <translation>Mostrar de nuevo todos los registros</translation>
    </message>
    <message>
        <source>Not searched: {problem}. The table still shows the last search; the search box&apos;s tooltip shows how to write one.</source>
        <translation>No se buscó: {problem}. La tabla sigue mostrando la última búsqueda; la ayuda emergente del cuadro de búsqueda explica cómo escribirla.</translation>
    </message>
    <message>
        <source>Cases with an arrest or a known perpetrator and no referral for prosecution yet (the memo&apos;s directive: violent offenders referred to DOJ)</source>
        <translation>Casos con una detención o un autor conocido y aún sin remisión a la fiscalía (la directiva del memorando: remitir al DOJ a los delincuentes violentos)</translation>
    </message>
    <message numerus="yes">
        <source>%n facility</source>
        <translation>
            <numerusform>%n instalación</numerusform>
            <numerusform>%n instalaciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n facilities</source>
        <translation>
            <numerusform>%n instalación</numerusform>
            <numerusform>%n instalaciones</numerusform>
        </translation>
    </message>
    <message>
        <source>state {states}</source>
        <translation>estado {states}</translation>
    </message>
    <message>
        <source>attack type</source>
        <translation>tipo de ataque</translation>
    </message>
    <message>
        <source>weapon</source>
        <translation>arma</translation>
    </message>
    <message>
        <source>severity</source>
        <translation>gravedad</translation>
    </message>
    <message>
        <source>status</source>
        <translation>estado</translation>
    </message>
    <message>
        <source> or </source>
        <translation> o </translation>
    </message>
    <message>
        <source>open cases</source>
        <translation>casos abiertos</translation>
    </message>
    <message>
        <source>further conditions</source>
        <translation>otras condiciones</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>User guide — Incident Logger</source>
        <translation>Guía del usuario — Incident Logger</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contenido</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Guía del usuario</translation>
    </message>
</context>
<context>
    <name>Headline</name>
    <message>
        <source>Incidents</source>
        <translation>Incidentes</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Casos abiertos</translation>
    </message>
    <message>
        <source>Killed</source>
        <translation>Muertos</translation>
    </message>
    <message>
        <source>Injured</source>
        <translation>Heridos</translation>
    </message>
    <message>
        <source>Property damage</source>
        <translation>Daños materiales</translation>
    </message>
    <message>
        <source>Plan items overdue</source>
        <translation>Elementos del plan vencidos</translation>
    </message>
    <message>
        <source>Due this week</source>
        <translation>Vencen esta semana</translation>
    </message>
    <message>
        <source>Reassessments due</source>
        <translation>Reevaluaciones pendientes</translation>
    </message>
</context>
<context>
    <name>HeadlineStrip</name>
    <message>
        <source>{value} more due within 90 days</source>
        <translation>{value} más vencen en 90 días</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>Valor anterior</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Valor nuevo</translation>
    </message>
    <message>
        <source>History of {kind} {value}</source>
        <translation>Historial de {kind} {value}</translation>
    </message>
    <message numerus="yes">
        <source>%n audit entry</source>
        <translation>
            <numerusform>%n entrada de auditoría</numerusform>
            <numerusform>%n entradas de auditoría</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n audit entries</source>
        <translation>
            <numerusform>%n entrada de auditoría</numerusform>
            <numerusform>%n entradas de auditoría</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n field change</source>
        <translation>
            <numerusform>, %n cambio de campo</numerusform>
            <numerusform>, %n cambios de campo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n field changes</source>
        <translation>
            <numerusform>, %n cambio de campo</numerusform>
            <numerusform>, %n cambios de campo</numerusform>
        </translation>
    </message>
    <message>
        <source>a file</source>
        <translation>un archivo</translation>
    </message>
    <message>
        <source>; created by the import of {source} on {local_time}</source>
        <translation>; creado al importar {source} el {local_time}</translation>
    </message>
    <message>
        <source>; created {local_time}</source>
        <translation>; creado el {local_time}</translation>
    </message>
    <message>
        <source>No audit entries for {kind} {uuid}.</source>
        <translation>No hay entradas de auditoría para {kind} {uuid}.</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Audit entry #{id}, {at:%Y-%m-%d %H:%M:%S} UTC, hash {value}…</source>
        <translation>Entrada de auditoría n.º {id}, {at:%Y-%m-%d %H:%M:%S} UTC, hash {value}…</translation>
    </message>
    <message>
        <source>Not recorded: the entry was written before the program recorded who made each change</source>
        <translation>No registrado: la entrada se escribió antes de que el programa registrara quién hizo cada cambio</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import CSV</source>
        <translation>Importar CSV</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>Columns of the file and how each is read</source>
        <translation>Columnas del archivo y cómo se lee cada una</translation>
    </message>
    <message>
        <source>File column</source>
        <translation>Columna del archivo</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Ejemplo</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>Leer como</translation>
    </message>
    <message>
        <source>&amp;Create facilities that the file names but the database lacks</source>
        <translation>&amp;Crear las instalaciones que el archivo nombra y la base de datos no tiene</translation>
    </message>
    <message>
        <source>Preview checks every row and lists each problem with its line and column; nothing is written until you import.</source>
        <translation>La vista previa comprueba cada fila y enumera cada problema con su línea y columna; no se escribe nada hasta que importe.</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Vista previa</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Archivo:</translation>
    </message>
    <message>
        <source>&amp;Holds:</source>
        <translation>&amp;Contiene:</translation>
    </message>
    <message>
        <source>E&amp;ncoding:</source>
        <translation>Codifi&amp;cación:</translation>
    </message>
    <message>
        <source>&amp;Delimiter:</source>
        <translation>&amp;Delimitador:</translation>
    </message>
    <message>
        <source>Columns (matched by name; choose how each is read):</source>
        <translation>Columnas (emparejadas por nombre; elija cómo se lee cada una):</translation>
    </message>
    <message>
        <source>cannot read the file: {value}</source>
        <translation>no se puede leer el archivo: {value}</translation>
    </message>
    <message>
        <source>This file cannot be imported: {message}</source>
        <translation>Este archivo no se puede importar: {message}</translation>
    </message>
    <message>
        <source> The legal history is read from {name}.</source>
        <translation> El historial jurídico se lee de {name}.</translation>
    </message>
    <message>
        <source>{get}, {get2}-separated; {matched} of {len} columns matched.{history}</source>
        <translation>{get}, separado por «{get2}»; {matched} de {len} columnas emparejadas.{history}</translation>
    </message>
</context>
<context>
    <name>IncidentFilterBar</name>
    <message>
        <source>Search title, description, case number, sources… (Ctrl+F)</source>
        <translation>Buscar título, descripción, número de caso, fuentes… (Ctrl+F)</translation>
    </message>
    <message>
        <source>All facilities</source>
        <translation>Todas las instalaciones</translation>
    </message>
    <message>
        <source>All attack types</source>
        <translation>Todos los tipos de ataque</translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation>Cualquier gravedad</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Casos abiertos</translation>
    </message>
    <message>
        <source>Occurred from</source>
        <translation>Ocurrido desde</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>cualquier día</translation>
    </message>
    <message>
        <source>on or after this day</source>
        <translation>en este día o después</translation>
    </message>
    <message>
        <source>Occurred to</source>
        <translation>Ocurrido hasta</translation>
    </message>
    <message>
        <source>on or before this day</source>
        <translation>en este día o antes</translation>
    </message>
    <message>
        <source>Occurred fro&amp;m:</source>
        <translation>Ocurrido &amp;desde:</translation>
    </message>
    <message>
        <source>t&amp;o:</source>
        <translation>&amp;hasta:</translation>
    </message>
    <message>
        <source>Pe&amp;nding referral</source>
        <translation>Remisión pe&amp;ndiente</translation>
    </message>
    <message>
        <source>Fa&amp;cility:</source>
        <translation>&amp;Instalación:</translation>
    </message>
    <message>
        <source>&amp;Attack type:</source>
        <translation>&amp;Tipo de ataque:</translation>
    </message>
    <message>
        <source>Severit&amp;y:</source>
        <translation>&amp;Gravedad:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>Es&amp;tado:</translation>
    </message>
    <message>
        <source>Also filtered by: {describe_extra} &amp;nbsp; &lt;a href=&apos;clear&apos;&gt;remove&lt;/a&gt;</source>
        <translation>También filtrado por: {describe_extra} &amp;nbsp; &lt;a href=&apos;clear&apos;&gt;quitar&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>IncidentForm</name>
    <message>
        <source>Victims &amp;killed</source>
        <translation>Víctimas &amp;muertas</translation>
    </message>
    <message>
        <source>Victims &amp;injured</source>
        <translation>Víctimas &amp;heridas</translation>
    </message>
    <message>
        <source>Perpetrators ki&amp;lled</source>
        <translation>Autores muer&amp;tos</translation>
    </message>
    <message>
        <source>Perpetrators in&amp;jured</source>
        <translation>Autores heri&amp;dos</translation>
    </message>
    <message>
        <source>S&amp;uspects</source>
        <translation>S&amp;ospechosos</translation>
    </message>
    <message>
        <source>A&amp;rrests</source>
        <translation>Dete&amp;nciones</translation>
    </message>
    <message>
        <source>Not known (leave it empty when it is not known)</source>
        <translation>No se sabe (déjelo vacío si no se sabe)</translation>
    </message>
    <message>
        <source>Withheld: your role cannot read this</source>
        <translation>Retenido: su rol no puede leer esto</translation>
    </message>
    <message>
        <source>Removed from CSV exports and reports shared outside the office unless you choose to include them.</source>
        <translation>Se omiten en las exportaciones CSV y en los informes que salen de la oficina, salvo que decida incluirlos.</translation>
    </message>
    <message>
        <source>Legal history</source>
        <translation>Historial jurídico</translation>
    </message>
    <message>
        <source>Second attack type</source>
        <translation>Segundo tipo de ataque</translation>
    </message>
    <message>
        <source>Third attack type</source>
        <translation>Tercer tipo de ataque</translation>
    </message>
    <message>
        <source>Second target</source>
        <translation>Segundo objetivo</translation>
    </message>
    <message>
        <source>Third target</source>
        <translation>Tercer objetivo</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Occurred</source>
        <translation>Ocurrido</translation>
    </message>
    <message>
        <source>Date unknown (leave it empty when it is not known)</source>
        <translation>Fecha desconocida (déjela vacía si no se sabe)</translation>
    </message>
    <message>
        <source>Discovered</source>
        <translation>Descubierto</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Notificado</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Consumado</translation>
    </message>
    <message>
        <source>Attempted (failed or foiled)</source>
        <translation>En grado de tentativa (fallido o frustrado)</translation>
    </message>
    <message>
        <source>e.g. FBI; local police</source>
        <translation>p. ej. FBI; policía local</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Título</translation>
    </message>
    <message>
        <source>&amp;Case number</source>
        <translation>&amp;Número de caso</translation>
    </message>
    <message>
        <source>&amp;Facility</source>
        <translation>&amp;Instalación</translation>
    </message>
    <message>
        <source>&amp;Occurred</source>
        <translation>&amp;Ocurrido</translation>
    </message>
    <message>
        <source>Disco&amp;vered</source>
        <translation>Descu&amp;bierto</translation>
    </message>
    <message>
        <source>Re&amp;ported</source>
        <translation>Notifica&amp;do</translation>
    </message>
    <message>
        <source>&amp;Attack types</source>
        <translation>&amp;Tipos de ataque</translation>
    </message>
    <message>
        <source>&amp;2nd</source>
        <translation>&amp;2.º</translation>
    </message>
    <message>
        <source>&amp;3rd</source>
        <translation>&amp;3.º</translation>
    </message>
    <message>
        <source>Tar&amp;gets</source>
        <translation>Ob&amp;jetivos</translation>
    </message>
    <message>
        <source>2n&amp;d</source>
        <translation>2.&amp;º</translation>
    </message>
    <message>
        <source>3r&amp;d</source>
        <translation>3&amp;.º</translation>
    </message>
    <message>
        <source>Outco&amp;me</source>
        <translation>Resulta&amp;do</translation>
    </message>
    <message>
        <source>Severit&amp;y</source>
        <translation>&amp;Gravedad</translation>
    </message>
    <message>
        <source>Weapons</source>
        <translation>Armas</translation>
    </message>
    <message>
        <source>&amp;Weapon type and subtype</source>
        <translation>Tipo y subtipo de &amp;arma</translation>
    </message>
    <message>
        <source>Casualties, arrests, response and damage (empty = unknown)</source>
        <translation>Víctimas, detenciones, respuesta y daños (vacío = desconocido)</translation>
    </message>
    <message>
        <source>&amp;Hostages/kidnapping</source>
        <translation>&amp;Rehenes/secuestro</translation>
    </message>
    <message>
        <source>Perpetrators&apos; fate (respo&amp;nse)</source>
        <translation>Suerte de los autores (res&amp;puesta)</translation>
    </message>
    <message>
        <source>Property &amp;damage</source>
        <translation>Daños &amp;materiales</translation>
    </message>
    <message>
        <source>&amp;Estimate (USD)</source>
        <translation>&amp;Estimación (USD)</translation>
    </message>
    <message>
        <source>Damage e&amp;xtent</source>
        <translation>Ma&amp;gnitud de los daños</translation>
    </message>
    <message>
        <source>Legal history and investigation</source>
        <translation>Historial jurídico e investigación</translation>
    </message>
    <message>
        <source>Legal &amp;history (shown by date)</source>
        <translation>&amp;Historial jurídico (por fecha)</translation>
    </message>
    <message>
        <source>Investigating agen&amp;cies</source>
        <translation>Agen&amp;cias investigadoras</translation>
    </message>
    <message>
        <source>Description and sources</source>
        <translation>Descripción y fuentes</translation>
    </message>
    <message>
        <source>Descr&amp;iption</source>
        <translation>Descr&amp;ipción</translation>
    </message>
    <message>
        <source>Sour&amp;ces</source>
        <translation>&amp;Fuentes</translation>
    </message>
    <message>
        <source>Sensitive — redacted on sharing</source>
        <translation>Confidencial — se censura al compartir</translation>
    </message>
    <message>
        <source>Suspect na&amp;mes</source>
        <translation>Nombres de los so&amp;spechosos</translation>
    </message>
    <message>
        <source>Personal de&amp;tails</source>
        <translation>Datos perso&amp;nales</translation>
    </message>
    <message>
        <source>; New facility… adds it</source>
        <translation>; Nueva instalación… la añade</translation>
    </message>
    <message>
        <source>“{pending}” is typed but not added: press Add (or Enter) or clear it</source>
        <translation>«{pending}» está escrito pero no añadido: pulse Añadir (o Intro) o bórrelo</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <source>Last activity</source>
        <translation>Última actividad</translation>
    </message>
</context>
<context>
    <name>Incidents</name>
    <message>
        <source>Victims: {known} killed, {known2} injured
Perpetrators: {known3} killed, {known4} injured</source>
        <translation>Víctimas: {known} muertas, {known2} heridas
Autores: {known3} muertos, {known4} heridos</translation>
    </message>
    <message>
        <source>{labels} (attempted)</source>
        <translation>{labels} (tentativa)</translation>
    </message>
    <message>
        <source>{outcome}; hostages/kidnapping</source>
        <translation>{outcome}; rehenes/secuestro</translation>
    </message>
    <message>
        <source>Perpetrators: {lower}
Hostages or kidnapping: {lower2}</source>
        <translation>Autores: {lower}
Rehenes o secuestro: {lower2}</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>The new language is used from the next start of Incident Logger.</source>
        <translation>El nuevo idioma se usará a partir del próximo inicio de Incident Logger.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
</context>
<context>
    <name>LegalHistoryEditor</name>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agencia</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>Cargos</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Enter: edit the entry below; Insert: add an entry; Delete: delete the entry</source>
        <translation>Intro: editar la entrada de abajo; Insert: añadir una entrada; Supr: eliminar la entrada</translation>
    </message>
    <message>
        <source>Add e&amp;ntry</source>
        <translation>Añadir e&amp;ntrada</translation>
    </message>
    <message>
        <source>Add an entry to the legal history (Insert in the list)</source>
        <translation>Añadir una entrada al historial jurídico (Insert en la lista)</translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation>Eliminar entrada</translation>
    </message>
    <message>
        <source>Delete the selected entry (Delete in the list)</source>
        <translation>Eliminar la entrada seleccionada (Supr en la lista)</translation>
    </message>
    <message>
        <source>Entry date</source>
        <translation>Fecha de la entrada</translation>
    </message>
    <message>
        <source>e.g. 2019-08-31, 8/31/2019, September 2019, 2019-08-20/2019-08-31</source>
        <translation>p. ej. 2019-08-31, 31/8/2019, 2019-09, 2019-08-20/2019-08-31</translation>
    </message>
    <message>
        <source>e.g. DOJ, U.S. Attorney&apos;s Office, a state prosecutor</source>
        <translation>p. ej. DOJ, Fiscalía Federal (U.S. Attorney), una fiscalía estatal</translation>
    </message>
    <message>
        <source>e.g. the court case number</source>
        <translation>p. ej. el número de causa judicial</translation>
    </message>
    <message>
        <source>e.g. 18 U.S.C. § 844(f)</source>
        <translation>p. ej. 18 U.S.C. § 844(f)</translation>
    </message>
    <message>
        <source>Selected entry</source>
        <translation>Entrada seleccionada</translation>
    </message>
    <message>
        <source>Entry dat&amp;e</source>
        <translation>F&amp;echa de la entrada</translation>
    </message>
    <message>
        <source>Entry stat&amp;us</source>
        <translation>Est&amp;ado de la entrada</translation>
    </message>
    <message>
        <source>Agenc&amp;y</source>
        <translation>A&amp;gencia</translation>
    </message>
    <message>
        <source>Re&amp;ference</source>
        <translation>Re&amp;ferencia</translation>
    </message>
    <message>
        <source>Char&amp;ges</source>
        <translation>&amp;Cargos</translation>
    </message>
    <message>
        <source>Entry n&amp;ote</source>
        <translation>N&amp;ota de la entrada</translation>
    </message>
    <message>
        <source>entry {number} ({lower}): {problem}</source>
        <translation>entrada {number} ({lower}): {problem}</translation>
    </message>
    <message>
        <source>The legal history keeps at least one entry: correct this one instead.</source>
        <translation>El historial jurídico conserva al menos una entrada: corrija esta en su lugar.</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>sin fecha</translation>
    </message>
    <message>
        <source>{label}, {when}. It leaves the incident when you save it.</source>
        <translation>{label}, {when}. Sale del incidente cuando lo guarde.</translation>
    </message>
    <message>
        <source>Delete entry?</source>
        <translation>¿Eliminar la entrada?</translation>
    </message>
    <message>
        <source>Delete this legal history entry?</source>
        <translation>¿Eliminar esta entrada del historial jurídico?</translation>
    </message>
    <message>
        <source>&amp;Delete entry</source>
        <translation>&amp;Eliminar entrada</translation>
    </message>
    <message>
        <source>&amp;Keep entry</source>
        <translation>&amp;Conservar entrada</translation>
    </message>
    <message>
        <source>(no date)</source>
        <translation>(sin fecha)</translation>
    </message>
    <message>
        <source>the latest entry by date</source>
        <translation>la entrada más reciente por fecha</translation>
    </message>
    <message>
        <source>no entry has a date yet</source>
        <translation>ninguna entrada tiene fecha todavía</translation>
    </message>
    <message>
        <source>Current status: &lt;b&gt;{label}&lt;/b&gt; ({where})</source>
        <translation>Estado actual: &lt;b&gt;{label}&lt;/b&gt; ({where})</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in to the database server — Incident Logger</source>
        <translation>Iniciar sesión en el servidor de la base de datos — Incident Logger</translation>
    </message>
    <message>
        <source>Keep the password in the system keyring of your user account, so that this server does not ask again on this computer. Anyone who can use your unlocked session can then open the database as you.</source>
        <translation>Guarda la contraseña en el llavero del sistema de su cuenta de usuario, para que este servidor no vuelva a pedirla en este equipo. Cualquiera que pueda usar su sesión desbloqueada podrá entonces abrir la base de datos en su nombre.</translation>
    </message>
    <message>
        <source>No system keyring works on this computer (none is installed, or it cannot be reached), so the password cannot be remembered: it is asked each time, unless PGPASSWORD or ~/.pgpass gives it.</source>
        <translation>Ningún llavero del sistema funciona en este equipo (no hay ninguno instalado o no se puede acceder a él), así que la contraseña no se puede recordar: se pide cada vez, salvo que la den PGPASSWORD o ~/.pgpass.</translation>
    </message>
    <message>
        <source>The database server {server} asks for a password.</source>
        <translation>El servidor de la base de datos {server} pide una contraseña.</translation>
    </message>
    <message>
        <source>The server refused it: {reason}. Check Caps Lock and the keyboard layout, then type it again.</source>
        <translation>El servidor la rechazó: {reason}. Compruebe Bloq Mayús y la distribución del teclado, y escríbala de nuevo.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>&amp;Remember on this computer</source>
        <translation>&amp;Recordar en este equipo</translation>
    </message>
    <message>
        <source> (no system keyring is available here)</source>
        <translation> (no hay ningún llavero del sistema disponible aquí)</translation>
    </message>
    <message>
        <source>Remember the password in the system keyring</source>
        <translation>Recordar la contraseña en el llavero del sistema</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>C&amp;ontraseña:</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Records and dashboard</source>
        <translation>Registros y panel</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>&amp;Incidents</source>
        <translation>&amp;Incidentes</translation>
    </message>
    <message>
        <source>Faci&amp;lities</source>
        <translation>Insta&amp;laciones</translation>
    </message>
    <message>
        <source>&amp;Plan items</source>
        <translation>Elementos del &amp;plan</translation>
    </message>
    <message>
        <source>Directive&amp;s</source>
        <translation>Direc&amp;tivas</translation>
    </message>
    <message>
        <source>No other recent databases</source>
        <translation>No hay otras bases de datos recientes</translation>
    </message>
    <message>
        <source>Select a record to edit first.</source>
        <translation>Seleccione primero un registro para editarlo.</translation>
    </message>
    <message>
        <source>Select a record to delete first.</source>
        <translation>Seleccione primero un registro para eliminarlo.</translation>
    </message>
    <message>
        <source>Deleted. Edit › Undo (Ctrl+Z) brings it back.</source>
        <translation>Eliminado. Edición › Deshacer (Ctrl+Z) lo recupera.</translation>
    </message>
    <message>
        <source>Could not read the facilities: {error}</source>
        <translation>No se pudieron leer las instalaciones: {error}</translation>
    </message>
    <message>
        <source>Select a facility on the Facilities tab first.</source>
        <translation>Seleccione primero una instalación en la pestaña Instalaciones.</translation>
    </message>
    <message>
        <source>Select an incident on the Incidents tab first.</source>
        <translation>Seleccione primero un incidente en la pestaña Incidentes.</translation>
    </message>
    <message>
        <source>Plan items for “{title}”</source>
        <translation>Elementos del plan para «{title}»</translation>
    </message>
    <message>
        <source>Select a directive on the Directives tab first.</source>
        <translation>Seleccione primero una directiva en la pestaña Directivas.</translation>
    </message>
    <message>
        <source>Plan items of “{title}”</source>
        <translation>Elementos del plan de «{title}»</translation>
    </message>
    <message>
        <source>{what} (Clear filters shows all).</source>
        <translation>{what} (Quitar filtros muestra todos).</translation>
    </message>
    <message>
        <source>Database: {shown} (encrypted)</source>
        <translation>Base de datos: {shown} (cifrada)</translation>
    </message>
    <message>
        <source>Database: {shown}</source>
        <translation>Base de datos: {shown}</translation>
    </message>
    <message>
        <source>{name} — Incident Logger</source>
        <translation>{name} — Incident Logger</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Abrir base de datos</translation>
    </message>
    <message>
        <source>Opened {text}</source>
        <translation>Abierta {text}</translation>
    </message>
</context>
<context>
    <name>Menu</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edición</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <translation>&amp;Registros</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barra de herramientas principal</translation>
    </message>
</context>
<context>
    <name>MonthChart</name>
    <message>
        <source>Each incident is counted once: by its primary (first) attack type, as the GTD counts them, in the month its date starts (the first day of a month, a year or a range; the period&apos;s first month for a date starting before the period).</source>
        <translation>Cada incidente se cuenta una vez: por su tipo de ataque principal (el primero), como los cuenta la GTD, en el mes en que empieza su fecha (el primer día de un mes, un año o un intervalo; el primer mes del período para una fecha que empieza antes del período).</translation>
    </message>
    <message>
        <source>Incidents per month by primary attack type ({total}; {undated} with unknown date)</source>
        <translation>Incidentes por mes según el tipo de ataque principal ({total}; {undated} con fecha desconocida)</translation>
    </message>
    <message>
        <source>Incidents per month by primary attack type ({total})</source>
        <translation>Incidentes por mes según el tipo de ataque principal ({total})</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidentes</translation>
    </message>
    <message>
        <source>Primary attack type</source>
        <translation>Tipo de ataque principal</translation>
    </message>
    <message>
        <source>{category}: {value} {series_lower} (primary attack type; by the month the date starts)</source>
        <translation>{category}: {value} {series_lower} (tipo de ataque principal; por el mes en que empieza la fecha)</translation>
    </message>
</context>
<context>
    <name>NewDatabase</name>
    <message>
        <source>New database</source>
        <translation>Nueva base de datos</translation>
    </message>
    <message>
        <source>{path} already exists and was left as it is.

Use File › Open database… to open it, or choose another name.</source>
        <translation>{path} ya existe y se ha dejado como estaba.

Use Archivo › Abrir base de datos… para abrirla, o elija otro nombre.</translation>
    </message>
    <message>
        <source>Created {name} (encrypted).</source>
        <translation>Se creó {name} (cifrada).</translation>
    </message>
    <message>
        <source>Created {name} (encrypted, its passphrase in the keyring).</source>
        <translation>Se creó {name} (cifrada, con su frase de contraseña en el llavero).</translation>
    </message>
    <message>
        <source>Created {name} (encrypted). The keyring did not keep its passphrase.</source>
        <translation>Se creó {name} (cifrada). El llavero no guardó su frase de contraseña.</translation>
    </message>
</context>
<context>
    <name>NewDatabaseDialog</name>
    <message>
        <source>New database — Incident Logger</source>
        <translation>Nueva base de datos — Incident Logger</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
    <message>
        <source>Create the database “{name}” in {parent}.</source>
        <translation>Crear la base de datos «{name}» en {parent}.</translation>
    </message>
    <message>
        <source>&amp;Encrypt with a passphrase</source>
        <translation>&amp;Cifrar con una frase de contraseña</translation>
    </message>
    <message>
        <source>The file, its journal and its backups are encrypted (SQLCipher, AES-256); the passphrase is asked whenever the database is opened.</source>
        <translation>El archivo, su diario y sus copias de seguridad se cifran (SQLCipher, AES-256); la frase de contraseña se pide cada vez que se abre la base de datos.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Confirm passphrase</source>
        <translation>Confirmar la frase de contraseña</translation>
    </message>
    <message>
        <source>Passphrase problem</source>
        <translation>Problema con la frase de contraseña</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>Con&amp;firm:</source>
        <translation>Con&amp;firmar:</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>C&amp;rear</translation>
    </message>
</context>
<context>
    <name>NoDatabaseError</name>
    <message>
        <source>No database is open.</source>
        <translation>No hay ninguna base de datos abierta.</translation>
    </message>
</context>
<context>
    <name>OpenProblems</name>
    <message>
        <source>Incident Logger</source>
        <translation>Incident Logger</translation>
    </message>
    <message>
        <source>Incident Logger databases (*.incidents *.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>Bases de datos de Incident Logger (*.incidents *.sqlite3 *.sqlite *.db);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Database from a newer version</source>
        <translation>Base de datos de una versión más reciente</translation>
    </message>
    <message>
        <source>Not an Incident Logger database</source>
        <translation>No es una base de datos de Incident Logger</translation>
    </message>
    <message>
        <source>Database is read-only</source>
        <translation>La base de datos es de solo lectura</translation>
    </message>
    <message>
        <source>Database cannot be read</source>
        <translation>No se puede leer la base de datos</translation>
    </message>
    <message>
        <source>Disk full</source>
        <translation>Disco lleno</translation>
    </message>
    <message>
        <source>Cannot upgrade the database</source>
        <translation>No se puede actualizar la base de datos</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>La restauración falló</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>No se puede abrir la base de datos</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Abrir base de datos</translation>
    </message>
    <message>
        <source>{message}

If the file was moved or its disk is not connected, open it where it is now. Create a new, empty database at this path only if you mean to start one.</source>
        <translation>{message}

Si el archivo se movió o su disco no está conectado, ábralo donde esté ahora. Cree una base de datos nueva y vacía en esta ruta solo si quiere empezar una.</translation>
    </message>
    <message>
        <source>No database there</source>
        <translation>No hay ninguna base de datos ahí</translation>
    </message>
    <message>
        <source>&amp;Open another file…</source>
        <translation>&amp;Abrir otro archivo…</translation>
    </message>
    <message>
        <source>&amp;Create a new database here</source>
        <translation>&amp;Crear aquí una base de datos nueva</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>The current database stays open.</source>
        <translation>La base de datos actual sigue abierta.</translation>
    </message>
    <message>
        <source>Opening the database</source>
        <translation>Abrir la base de datos</translation>
    </message>
    <message>
        <source>Database busy</source>
        <translation>Base de datos ocupada</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>another process</source>
        <translation>otro proceso</translation>
    </message>
    <message>
        <source>Incident Logger is already open on {database} ({who}).

Use that window. Opening the database a second time is safe for saving, but backups on closing and restoring a backup are then left to the first window.</source>
        <translation>Incident Logger ya está abierto con {database} ({who}).

Use esa ventana. Abrir la base de datos por segunda vez es seguro para guardar, pero las copias de seguridad al cerrar y las restauraciones quedan a cargo de la primera ventana.</translation>
    </message>
    <message>
        <source>Already open</source>
        <translation>Ya está abierta</translation>
    </message>
    <message>
        <source>&amp;Open anyway</source>
        <translation>&amp;Abrir de todos modos</translation>
    </message>
    <message>
        <source>The newest good backup is from {local_time}. {summary_text}

Restore it? The damaged file is kept beside it as {kept_as}, for recovery.</source>
        <translation>La copia de seguridad válida más reciente es del {local_time}. {summary_text}

¿Restaurarla? El archivo dañado se conserva a su lado como {kept_as}, para recuperarlo.</translation>
    </message>
    <message>
        <source> in {backup_dir}</source>
        <translation> en {backup_dir}</translation>
    </message>
    <message>
        <source>quit and get help</source>
        <translation>salir y pedir ayuda</translation>
    </message>
    <message>
        <source>cancel and keep the database that is open now</source>
        <translation>cancelar y conservar la base de datos abierta ahora</translation>
    </message>
    <message>
        <source>No good backup was found{where}. You can keep the damaged file as {kept_as} and start with an empty database, or {other}.</source>
        <translation>No se encontró ninguna copia de seguridad válida{where}. Puede conservar el archivo dañado como {kept_as} y empezar con una base de datos vacía, o {other}.</translation>
    </message>
    <message>
        <source>Database damaged</source>
        <translation>Base de datos dañada</translation>
    </message>
    <message>
        <source>&amp;Restore this backup</source>
        <translation>&amp;Restaurar esta copia</translation>
    </message>
    <message>
        <source>&amp;Choose a backup…</source>
        <translation>&amp;Elegir una copia…</translation>
    </message>
    <message>
        <source>Start &amp;empty</source>
        <translation>Empezar &amp;vacía</translation>
    </message>
    <message>
        <source>Choose the backup to restore. The damaged file is kept beside it.</source>
        <translation>Elija la copia de seguridad que restaurar. El archivo dañado se conserva a su lado.</translation>
    </message>
    <message>
        <source>Cannot open {display_url}.</source>
        <translation>No se puede abrir {display_url}.</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>&amp;Nueva base de datos…</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>Nueva base de datos</translation>
    </message>
</context>
<context>
    <name>PagedTableModel</name>
    <message>
        <source>Sort by {title}</source>
        <translation>Ordenar por {title}</translation>
    </message>
    <message>
        <source>{title} (not sortable)</source>
        <translation>{title} (no ordenable)</translation>
    </message>
    <message>
        <source>Could not read the {records}: {error}</source>
        <translation>No se pudieron leer los registros ({records}): {error}</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Encrypted database — Incident Logger</source>
        <translation>Base de datos cifrada — Incident Logger</translation>
    </message>
    <message>
        <source>The database “{name}” is encrypted. Enter its passphrase.</source>
        <translation>La base de datos «{name}» está cifrada. Escriba su frase de contraseña.</translation>
    </message>
    <message>
        <source>That passphrase does not open “{name}”. Check Caps Lock and the keyboard layout, then type it again.</source>
        <translation>Esa frase de contraseña no abre «{name}». Compruebe Bloq Mayús y la distribución del teclado, y escríbala de nuevo.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>Open another &amp;file…</source>
        <translation>Abrir otro &amp;archivo…</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>PassphraseField</name>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Show the characters of the {lower} as you type them</source>
        <translation>Mostrar los caracteres ({lower}) mientras escribe</translation>
    </message>
    <message>
        <source>Show {lower}</source>
        <translation>Mostrar: {lower}</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ocultar</translation>
    </message>
    <message>
        <source>Hide </source>
        <translation>Ocultar: </translation>
    </message>
    <message>
        <source>Show </source>
        <translation>Mostrar: </translation>
    </message>
    <message>
        <source>&amp;Remember in the system keyring</source>
        <translation>&amp;Recordar en el llavero del sistema</translation>
    </message>
    <message>
        <source> (none is available here)</source>
        <translation> (no hay ninguno disponible aquí)</translation>
    </message>
    <message>
        <source>Remember the passphrase in the system keyring</source>
        <translation>Recordar la frase de contraseña en el llavero del sistema</translation>
    </message>
</context>
<context>
    <name>PendingReferralTile</name>
    <message>
        <source>{PENDING_REFERRAL_MEANS}
Click or press Enter to list them on the Incidents tab.</source>
        <translation>{PENDING_REFERRAL_MEANS}
Haga clic o pulse Intro para verlos en la pestaña Incidentes.</translation>
    </message>
</context>
<context>
    <name>PlainExportQuestion</name>
    <message>
        <source>Export in plain?</source>
        <translation>¿Exportar sin cifrar?</translation>
    </message>
    <message>
        <source>Protect with a passphrase writes {name}, a ZIP file whose content is encrypted (AES-256). Write a plain file writes it as it is.

This is asked once while this database is open.</source>
        <translation>Proteger con una frase de contraseña escribe {name}, un archivo ZIP con el contenido cifrado (AES-256). Escribir un archivo sin cifrar lo escribe tal cual.

Esto se pregunta una vez mientras esta base de datos esté abierta.</translation>
    </message>
    <message>
        <source>&amp;Protect with a passphrase (ZIP)…</source>
        <translation>&amp;Proteger con una frase de contraseña (ZIP)…</translation>
    </message>
    <message>
        <source>Write a p&amp;lain file</source>
        <translation>Escribir un archivo sin &amp;cifrar</translation>
    </message>
</context>
<context>
    <name>PlanItemFilterBar</name>
    <message>
        <source>Search description, owner, notes… (Ctrl+F)</source>
        <translation>Buscar descripción, responsable, notas… (Ctrl+F)</translation>
    </message>
    <message>
        <source>All facilities</source>
        <translation>Todas las instalaciones</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <source>Open items</source>
        <translation>Elementos abiertos</translation>
    </message>
    <message>
        <source>Fa&amp;cility:</source>
        <translation>&amp;Instalación:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>Es&amp;tado:</translation>
    </message>
    <message>
        <source>&amp;Overdue only</source>
        <translation>Solo &amp;vencidas</translation>
    </message>
    <message>
        <source>Open items whose due date has passed</source>
        <translation>Elementos abiertos cuya fecha de vencimiento ha pasado</translation>
    </message>
</context>
<context>
    <name>PlanItemForm</name>
    <message>
        <source>All facilities (nationwide)</source>
        <translation>Todas las instalaciones (a escala nacional)</translation>
    </message>
    <message>
        <source>who is responsible</source>
        <translation>quién es responsable</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fecha de vencimiento</translation>
    </message>
    <message>
        <source>no due date</source>
        <translation>sin fecha de vencimiento</translation>
    </message>
    <message>
        <source>required when the risk is accepted: why no countermeasure</source>
        <translation>obligatoria si se acepta el riesgo: por qué no hay contramedida</translation>
    </message>
    <message>
        <source>&amp;Facility</source>
        <translation>&amp;Instalación</translation>
    </message>
    <message>
        <source>Linked &amp;incidents</source>
        <translation>&amp;Incidentes vinculados</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Descripción</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation>&amp;Responsable</translation>
    </message>
    <message>
        <source>D&amp;ue date</source>
        <translation>Fecha de &amp;vencimiento</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Estado</translation>
    </message>
    <message>
        <source>Directi&amp;ve</source>
        <translation>Directi&amp;va</translation>
    </message>
    <message>
        <source>&amp;Risk rationale</source>
        <translation>&amp;Justificación del riesgo</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
</context>
<context>
    <name>PlanItemTableModel</name>
    <message>
        <source>Due</source>
        <translation>Vencimiento</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Plazo</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Instalación</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Directive</source>
        <translation>Directiva</translation>
    </message>
    <message>
        <source>overdue by {duration}</source>
        <translation>vencido hace {duration}</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>vence hoy</translation>
    </message>
    <message>
        <source>due in {duration}</source>
        <translation>vence en {duration}</translation>
    </message>
</context>
<context>
    <name>PlanItems</name>
    <message>
        <source>All facilities</source>
        <translation>Todas las instalaciones</translation>
    </message>
    <message>
        <source>{description}

Notes: {notes}</source>
        <translation>{description}

Notas: {notes}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln day</source>
        <translation>
            <numerusform>%Ln día</numerusform>
            <numerusform>%Ln días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln days</source>
        <translation>
            <numerusform>%Ln día</numerusform>
            <numerusform>%Ln días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln weeks</source>
        <translation>
            <numerusform>%Ln semana</numerusform>
            <numerusform>%Ln semanas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln months</source>
        <translation>
            <numerusform>%Ln mes</numerusform>
            <numerusform>%Ln meses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln years</source>
        <translation>
            <numerusform>%Ln año</numerusform>
            <numerusform>%Ln años</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressRunner</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>RankingChart</name>
    <message>
        <source>Incidents by facility</source>
        <translation>Incidentes por instalación</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Instalación</translation>
    </message>
    <message>
        <source>(no state)</source>
        <translation>(sin estado)</translation>
    </message>
    <message>
        <source>Incidents by state</source>
        <translation>Incidentes por estado</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>{title}, top {top} of {count}</source>
        <translation>{title}, los {top} primeros de {count}</translation>
    </message>
    <message>
        <source>{title}: no incidents</source>
        <translation>{title}: ningún incidente</translation>
    </message>
    <message>
        <source>The other {others}: {count} incidents</source>
        <translation>Los otros {others}: {count} incidentes</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidentes</translation>
    </message>
    <message>
        <source>{category}: {value} incidents</source>
        <translation>{category}: {value} incidentes</translation>
    </message>
</context>
<context>
    <name>ReassessmentTable</name>
    <message>
        <source>now (never assessed)</source>
        <translation>ahora (nunca evaluada)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <source>Adding a {label}</source>
        <translation>añadir un registro ({label})</translation>
    </message>
    <message>
        <source>Opening the {label}</source>
        <translation>abrir el registro ({label})</translation>
    </message>
    <message>
        <source>Saving the {label}</source>
        <translation>guardar el registro ({label})</translation>
    </message>
    <message>
        <source>Deleting the {label}</source>
        <translation>eliminar el registro ({label})</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Adjuntar archivos</translation>
    </message>
    <message>
        <source>Nothing was attached.</source>
        <translation>No se adjuntó nada.</translation>
    </message>
    <message>
        <source>Attached {names} to the {label}.</source>
        <translation>Adjuntado {names} al registro ({label}).</translation>
    </message>
</context>
<context>
    <name>RecordCommand</name>
    <message>
        <source>{verb} {kind} “{name}”</source>
        <translation>{verb} {kind} «{name}»</translation>
    </message>
    <message>
        <source>Could not {verb} “{text}”; it was removed from the undo history.</source>
        <translation>No se pudo {verb} «{text}»; se quitó del historial de deshacer.</translation>
    </message>
    <message>
        <source>{kind} “{name}” was deleted elsewhere</source>
        <translation>{kind} «{name}» se eliminó en otro lugar</translation>
    </message>
    <message>
        <source>{kind} “{name}” was changed elsewhere since; {action} would overwrite those changes</source>
        <translation>{kind} «{name}» se modificó después en otro lugar; {action} sobrescribiría esos cambios</translation>
    </message>
    <message>
        <source>undoing</source>
        <translation>deshacer</translation>
    </message>
    <message>
        <source>redoing</source>
        <translation>rehacer</translation>
    </message>
</context>
<context>
    <name>RecordConflictDialog</name>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>Compare changes</source>
        <translation>Comparar cambios</translation>
    </message>
    <message>
        <source>Choose for each field which value the form keeps. Fields only they changed start on theirs, fields only you changed on yours; a field you both changed waits for your choice.</source>
        <translation>Elija para cada campo qué valor conserva el formulario. Los campos que solo cambió la otra persona empiezan con su valor, los que solo cambió usted con el suyo; un campo que cambiaron ambos espera su elección.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>When you opened it</source>
        <translation>Al abrirlo</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mío</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Del otro</translation>
    </message>
    <message>
        <source>You both changed this field</source>
        <translation>Ambos cambiaron este campo</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Conservar el mío</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Tomar el del otro</translation>
    </message>
    <message>
        <source>{field}: keep mine, {value}</source>
        <translation>{field}: conservar el mío, {value}</translation>
    </message>
    <message>
        <source>{field}: take theirs, {value}</source>
        <translation>{field}: tomar el del otro, {value}</translation>
    </message>
    <message>
        <source>Keep all &amp;mine</source>
        <translation>Conservar todo lo &amp;mío</translation>
    </message>
    <message>
        <source>Take all &amp;theirs</source>
        <translation>&amp;Tomar todo lo del otro</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Aplicar</translation>
    </message>
    <message>
        <source>Keep the values chosen above in the form; save it to store them</source>
        <translation>Deja en el formulario los valores elegidos arriba; guárdelo para almacenarlos</translation>
    </message>
    <message>
        <source>You both changed: {fields}. Choose mine or theirs for each.</source>
        <translation>Ambos cambiaron: {fields}. Elija el suyo o el del otro en cada uno.</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Save (Ctrl+S or Ctrl+Enter)</source>
        <translation>Guardar (Ctrl+S o Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Close without saving (Esc)</source>
        <translation>Cerrar sin guardar (Esc)</translation>
    </message>
    <message>
        <source>Read only. {reason}.</source>
        <translation>Solo lectura. {reason}.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
    <message>
        <source>{title} (read only)</source>
        <translation>{title} (solo lectura)</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>¿Descartar los cambios?</translation>
    </message>
    <message>
        <source>This form has changes that are not saved. They will be lost.</source>
        <translation>Este formulario tiene cambios sin guardar. Se perderán.</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>&amp;Descartar cambios</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Seguir editando</translation>
    </message>
</context>
<context>
    <name>RecordKind</name>
    <message>
        <source>incident</source>
        <translation>incidente</translation>
    </message>
    <message>
        <source>incidents</source>
        <translation>incidentes</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Incidente</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidentes</translation>
    </message>
    <message>
        <source>facility</source>
        <translation>instalación</translation>
    </message>
    <message>
        <source>facilities</source>
        <translation>instalaciones</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Instalación</translation>
    </message>
    <message>
        <source>Facilities</source>
        <translation>Instalaciones</translation>
    </message>
    <message>
        <source>plan item</source>
        <translation>elemento del plan</translation>
    </message>
    <message>
        <source>plan items</source>
        <translation>elementos del plan</translation>
    </message>
    <message>
        <source>Plan item</source>
        <translation>Elemento del plan</translation>
    </message>
    <message>
        <source>Plan items</source>
        <translation>Elementos del plan</translation>
    </message>
    <message>
        <source>directive</source>
        <translation>directiva</translation>
    </message>
    <message>
        <source>directives</source>
        <translation>directivas</translation>
    </message>
    <message>
        <source>Directive</source>
        <translation>Directiva</translation>
    </message>
    <message>
        <source>Directives</source>
        <translation>Directivas</translation>
    </message>
</context>
<context>
    <name>RecordPicker</name>
    <message>
        <source>type to find an incident: title, case number or facility</source>
        <translation>escriba para buscar un incidente: título, número de caso o instalación</translation>
    </message>
    <message>
        <source>Find an incident to link</source>
        <translation>Buscar un incidente para vincular</translation>
    </message>
    <message>
        <source>Type part of the title, case number or facility name; Down and Enter choose the incident, Esc closes the list</source>
        <translation>Escriba parte del título, del número de caso o del nombre de la instalación; Abajo e Intro eligen el incidente, Esc cierra la lista</translation>
    </message>
    <message>
        <source>Linked incidents</source>
        <translation>Incidentes vinculados</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove the selected incidents</source>
        <translation>Quitar los incidentes seleccionados</translation>
    </message>
    <message>
        <source>Unlink the selected incidents (Delete)</source>
        <translation>Desvincular los incidentes seleccionados (Supr)</translation>
    </message>
    <message>
        <source>Matching incidents</source>
        <translation>Incidentes coincidentes</translation>
    </message>
    <message>
        <source>“{typed}” is typed but no incident was chosen: choose one from the list (Down, Enter) or clear it</source>
        <translation>«{typed}» está escrito pero no se eligió ningún incidente: elija uno de la lista (Abajo, Intro) o bórrelo</translation>
    </message>
    <message>
        <source>Searching for incidents is not available here</source>
        <translation>Aquí no se pueden buscar incidentes</translation>
    </message>
    <message>
        <source>Could not search the incidents: {error}</source>
        <translation>No se pudieron buscar los incidentes: {error}</translation>
    </message>
    <message>
        <source>No other incident matches “{text}”.</source>
        <translation>Ningún otro incidente coincide con «{text}».</translation>
    </message>
    <message>
        <source>No incident matches “{text}”.</source>
        <translation>Ningún incidente coincide con «{text}».</translation>
    </message>
    <message>
        <source>Try a word of the title, a case number or a facility name.</source>
        <translation>Pruebe con una palabra del título, un número de caso o el nombre de una instalación.</translation>
    </message>
</context>
<context>
    <name>RecordTab</name>
    <message>
        <source>Clear filters</source>
        <translation>Quitar filtros</translation>
    </message>
    <message>
        <source>No records match the filters.</source>
        <translation>Ningún registro coincide con los filtros.</translation>
    </message>
</context>
<context>
    <name>ReferralTile</name>
    <message>
        <source>Pending referral</source>
        <translation>Remisión pendiente</translation>
    </message>
</context>
<context>
    <name>RelatedField</name>
    <message>
        <source>Links to other incidents (the same attacker, a series)</source>
        <translation>Vínculos con otros incidentes (el mismo atacante, una serie)</translation>
    </message>
    <message>
        <source>&amp;Related incidents</source>
        <translation>Incidentes &amp;relacionados</translation>
    </message>
</context>
<context>
    <name>RelatedIncidentsField</name>
    <message>
        <source>related incidents</source>
        <translation>incidentes relacionados</translation>
    </message>
    <message>
        <source>Related incidents</source>
        <translation>Incidentes relacionados</translation>
    </message>
    <message>
        <source>Incidents linking to this one</source>
        <translation>Incidentes que enlazan con este</translation>
    </message>
    <message>
        <source>Linked from: </source>
        <translation>Enlazado desde: </translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>Export &amp;briefing (PDF)…</source>
        <translation>Exportar &amp;informe (PDF)…</translation>
    </message>
    <message>
        <source>Write a PDF briefing: summary figures, charts, incidents and plan items for a period and facilities</source>
        <translation>Escribir un informe en PDF: cifras resumen, gráficos, incidentes y elementos del plan de un periodo e instalaciones</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>No hay ninguna base de datos abierta.</translation>
    </message>
    <message>
        <source>, protected by a passphrase</source>
        <translation>, protegido con una frase de contraseña</translation>
    </message>
    <message>
        <source>Briefing written to {written} ({pages} pages{protected})</source>
        <translation>Informe escrito en {written} ({pages} páginas{protected})</translation>
    </message>
    <message>
        <source>Export briefing</source>
        <translation>Exportar informe</translation>
    </message>
</context>
<context>
    <name>ResponseFields</name>
    <message>
        <source>GTD extent of property damage; only when there was property damage</source>
        <translation>Magnitud GTD de los daños materiales; solo si hubo daños materiales</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>Restaurar desde una copia de seguridad</translation>
    </message>
    <message>
        <source>Choose the backup to restore. The data you have now is first saved as a backup (“before a restore”), so nothing is lost.</source>
        <translation>Elija la copia de seguridad que restaurar. Los datos que tiene ahora se guardan antes como copia («antes de una restauración»), así que no se pierde nada.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Hecha</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>&amp;Restore this backup</source>
        <translation>&amp;Restaurar esta copia</translation>
    </message>
    <message>
        <source>&amp;Other file…</source>
        <translation>&amp;Otro archivo…</translation>
    </message>
    <message>
        <source>There are no backups yet. Use “Other file…” to choose a backup file.</source>
        <translation>Aún no hay copias de seguridad. Use «Otro archivo…» para elegir un archivo de copia.</translation>
    </message>
    <message>
        <source>other file</source>
        <translation>otro archivo</translation>
    </message>
    <message>
        <source>{value:,.0f} KiB</source>
        <translation>{value:,.0f} KiB</translation>
    </message>
    <message>
        <source>Choose a backup file</source>
        <translation>Elegir un archivo de copia de seguridad</translation>
    </message>
</context>
<context>
    <name>RoleLimits</name>
    <message>
        <source>Your role, {role}, cannot read suspect names and personal details</source>
        <translation>Su rol, {role}, no puede leer los nombres de sospechosos ni los datos personales</translation>
    </message>
    <message>
        <source>Your role, {role}, cannot change records</source>
        <translation>Su rol, {role}, no puede cambiar registros</translation>
    </message>
    <message>
        <source>Your role, {role}, cannot delete records</source>
        <translation>Su rol, {role}, no puede eliminar registros</translation>
    </message>
    <message>
        <source>Your role, {role}, cannot restore deleted records</source>
        <translation>Su rol, {role}, no puede restaurar registros eliminados</translation>
    </message>
    <message>
        <source>Your role, {role}, cannot change directives</source>
        <translation>Su rol, {role}, no puede cambiar directivas</translation>
    </message>
    <message>
        <source>Your role, {role}, cannot import records</source>
        <translation>Su rol, {role}, no puede importar registros</translation>
    </message>
    <message>
        <source>Role: {role} (limited)</source>
        <translation>Rol: {role} (limitado)</translation>
    </message>
    <message>
        <source>Role: {role}</source>
        <translation>Rol: {role}</translation>
    </message>
    <message>
        <source>Your role may do everything the app offers</source>
        <translation>Su rol puede hacer todo lo que ofrece la aplicación</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
</context>
<context>
    <name>SensitiveQuestion</name>
    <message>
        <source>Include sensitive files?</source>
        <translation>¿Incluir archivos confidenciales?</translation>
    </message>
    <message>
        <source>Include sensitive fields?</source>
        <translation>¿Incluir campos confidenciales?</translation>
    </message>
    <message>
        <source>the incidents&apos; {sensitive_fields_text}</source>
        <translation>los campos de los incidentes: {sensitive_fields_text}</translation>
    </message>
    <message>
        <source>Include {value} in {document}?</source>
        <translation>¿Incluir {value} en {document}?</translation>
    </message>
    <message>
        <source>&amp;Include them</source>
        <translation>&amp;Incluirlos</translation>
    </message>
</context>
<context>
    <name>ServerBar</name>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>Try to reach the database server now</source>
        <translation>Intentar contactar ahora con el servidor de la base de datos</translation>
    </message>
    <message>
        <source>Server not reachable — retrying in {seconds} s. What is shown may be out of date; nothing is saved until it answers.</source>
        <translation>Servidor inaccesible: nuevo intento en {seconds} s. Lo que se muestra puede no estar al día; no se guarda nada hasta que responda.</translation>
    </message>
    <message>
        <source>Server not reachable — trying to reach it now…</source>
        <translation>Servidor inaccesible: intentando contactar ahora…</translation>
    </message>
</context>
<context>
    <name>ServerOpening</name>
    <message>
        <source>Open a server database</source>
        <translation>Abrir una base de datos de un servidor</translation>
    </message>
    <message>
        <source>Work on a team&apos;s database on a PostgreSQL server. Type its address; the password is asked when the server wants one, and your login&apos;s role decides what you may change.</source>
        <translation>Trabaje en la base de datos de un equipo en un servidor PostgreSQL. Escriba su dirección; la contraseña se pide cuando el servidor la quiere, y el rol de su usuario decide qué puede cambiar.</translation>
    </message>
</context>
<context>
    <name>ServiceAttachments</name>
    <message>
        <source>Reading the attachments of the {label}</source>
        <translation>leer los adjuntos del registro ({label})</translation>
    </message>
    <message>
        <source>Cannot attach {names}</source>
        <translation>No se puede adjuntar {names}</translation>
    </message>
    <message>
        <source>Cannot attach {name}</source>
        <translation>No se puede adjuntar {name}</translation>
    </message>
    <message>
        <source>Cannot save the details of {file_name}</source>
        <translation>No se pueden guardar los detalles de {file_name}</translation>
    </message>
    <message>
        <source>Cannot remove the attachment</source>
        <translation>No se puede quitar el adjunto</translation>
    </message>
    <message>
        <source>Cannot save {file_name} as {target}</source>
        <translation>No se puede guardar {file_name} como {target}</translation>
    </message>
    <message>
        <source>Cannot open {file_name}</source>
        <translation>No se puede abrir {file_name}</translation>
    </message>
    <message>
        <source>Cannot read the custody log</source>
        <translation>No se puede leer el registro de custodia</translation>
    </message>
    <message>
        <source>The custody entry was not added</source>
        <translation>No se añadió la entrada de custodia</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source> (in a table)</source>
        <translation> (en una tabla)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts — Incident Logger</source>
        <translation>Atajos de teclado — Incident Logger</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Atajo</translation>
    </message>
</context>
<context>
    <name>SpokenDate</name>
    <message>
        <source>Date unknown</source>
        <translation>Fecha desconocida</translation>
    </message>
    <message>
        <source>{first} to {last} (somewhere in this range)</source>
        <translation>del {first} al {last} (en algún momento de este intervalo)</translation>
    </message>
    <message>
        <source>{year} (only the year is known)</source>
        <translation>{year} (solo se conoce el año)</translation>
    </message>
    <message>
        <source>{month} (only the month is known)</source>
        <translation>{month} (solo se conoce el mes)</translation>
    </message>
    <message>
        <source>about {date}</source>
        <translation>hacia {date}</translation>
    </message>
</context>
<context>
    <name>StateCombo</name>
    <message>
        <source>type the code or the name, e.g. TX or Texas</source>
        <translation>escriba el código o el nombre, p. ej. TX o Texas</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <source>S&amp;ynchronize…</source>
        <translation>Si&amp;ncronizar…</translation>
    </message>
    <message>
        <source>Send this database&apos;s changes to the team&apos;s server and receive theirs; a preview shows what will change first</source>
        <translation>Enviar los cambios de esta base de datos al servidor del equipo y recibir los suyos; antes se muestra qué cambiará</translation>
    </message>
    <message>
        <source>Synchronization is not part of this version of Incident Logger</source>
        <translation>La sincronización no forma parte de esta versión de Incident Logger</translation>
    </message>
    <message>
        <source>Only a database file on this computer is synchronized with a server; this window works on the server itself</source>
        <translation>Solo un archivo de base de datos de este equipo se sincroniza con un servidor; esta ventana trabaja en el propio servidor</translation>
    </message>
    <message>
        <source>The server cannot be reached</source>
        <translation>No se puede conectar con el servidor</translation>
    </message>
    <message>
        <source>Nothing was sent or received; this database keeps all its changes. Check the address and the network, then synchronize again.</source>
        <translation>No se envió ni se recibió nada; esta base de datos conserva todos sus cambios. Compruebe la dirección y la red y vuelva a sincronizar.</translation>
    </message>
    <message>
        <source>Synchronizing</source>
        <translation>Sincronizando</translation>
    </message>
    <message>
        <source>Synchronizing with {server}…</source>
        <translation>Sincronizando con {server}…</translation>
    </message>
    <message>
        <source>New conflicts</source>
        <translation>Nuevos conflictos</translation>
    </message>
    <message>
        <source>Records were changed on the server since the preview, and now conflict with yours. Nothing was changed.</source>
        <translation>Se modificaron registros en el servidor después de la vista previa y ahora entran en conflicto con los suyos. No se cambió nada.</translation>
    </message>
    <message>
        <source>The preview is shown again with them; your choices so far are kept.</source>
        <translation>La vista previa se muestra de nuevo con ellos; se conservan las elecciones que ya hizo.</translation>
    </message>
    <message>
        <source>Synchronized</source>
        <translation>Sincronizado</translation>
    </message>
    <message>
        <source>Synchronized with {server}.</source>
        <translation>Sincronizado con {server}.</translation>
    </message>
    <message>
        <source>Synchronize</source>
        <translation>Sincronizar</translation>
    </message>
    <message>
        <source>Comparing this database with the server…</source>
        <translation>Comparando esta base de datos con el servidor…</translation>
    </message>
    <message>
        <source>Nothing is lost: this database keeps its changes, and the next synchronization goes on from where this one stopped.</source>
        <translation>No se pierde nada: esta base de datos conserva sus cambios y la próxima sincronización continúa donde se detuvo esta.</translation>
    </message>
    <message>
        <source>Synchronization stopped</source>
        <translation>Sincronización detenida</translation>
    </message>
    <message>
        <source>The synchronization was stopped.</source>
        <translation>Se detuvo la sincronización.</translation>
    </message>
    <message>
        <source>Synchronization interrupted</source>
        <translation>Sincronización interrumpida</translation>
    </message>
    <message>
        <source>The connection to the server dropped while it was saving; whether it kept this part is not known yet.</source>
        <translation>La conexión con el servidor se cortó mientras guardaba; aún no se sabe si conservó esta parte.</translation>
    </message>
    <message>
        <source>The server stopped answering: {reason}</source>
        <translation>El servidor dejó de responder: {reason}</translation>
    </message>
    <message>
        <source>Synchronization failed</source>
        <translation>La sincronización falló</translation>
    </message>
</context>
<context>
    <name>SyncPreviewDialog</name>
    <message>
        <source>Synchronize with {server}</source>
        <translation>Sincronizar con {server}</translation>
    </message>
    <message>
        <source>What will be sent and received, per kind</source>
        <translation>Qué se enviará y recibirá, por tipo</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>&amp;Conflicts: records changed here and on the server since the last synchronization</source>
        <translation>&amp;Conflictos: registros modificados aquí y en el servidor desde la última sincronización</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflictos</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>What differs</source>
        <translation>Qué difiere</translation>
    </message>
    <message>
        <source>Your choice</source>
        <translation>Su elección</translation>
    </message>
    <message>
        <source>&amp;Resolve conflicts…</source>
        <translation>&amp;Resolver conflictos…</translation>
    </message>
    <message>
        <source>&amp;Synchronize</source>
        <translation>&amp;Sincronizar</translation>
    </message>
    <message>
        <source>This database and {server} hold the same records: nothing to send or receive.</source>
        <translation>Esta base de datos y {server} tienen los mismos registros: nada que enviar ni recibir.</translation>
    </message>
    <message>
        <source>To send: {send} · To receive: {receive} · Conflicts: {conflicts}</source>
        <translation>Por enviar: {send} · Por recibir: {receive} · Conflictos: {conflicts}</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todo</translation>
    </message>
    <message>
        <source>Choose for every conflict before synchronizing: {count} left.</source>
        <translation>Elija en cada conflicto antes de sincronizar: quedan {count}.</translation>
    </message>
    <message>
        <source>{kind} “{title}” was changed here and on the server since the last synchronization. Mine is this database&apos;s value, theirs the server&apos;s.</source>
        <translation>{kind} «{title}» se modificó aquí y en el servidor desde la última sincronización. El mío es el valor de esta base de datos; el del otro, el del servidor.</translation>
    </message>
    <message>
        <source>Choose for each field which value both sides keep after synchronizing.</source>
        <translation>Elija para cada campo qué valor conservan ambos lados tras sincronizar.</translation>
    </message>
    <message>
        <source>At the last synchronization</source>
        <translation>En la última sincronización</translation>
    </message>
    <message>
        <source>Keep the values chosen above on both sides when synchronizing</source>
        <translation>Conservar en ambos lados los valores elegidos arriba al sincronizar</translation>
    </message>
    <message>
        <source>Compare changes — {title}</source>
        <translation>Comparar cambios — {title}</translation>
    </message>
    <message>
        <source>{kind} “{title}” was deleted here, and edited on the server since the last synchronization.</source>
        <translation>{kind} «{title}» se eliminó aquí y se modificó en el servidor desde la última sincronización.</translation>
    </message>
    <message>
        <source>{kind} “{title}” was edited here, and deleted on the server since the last synchronization.</source>
        <translation>{kind} «{title}» se modificó aquí y se eliminó en el servidor desde la última sincronización.</translation>
    </message>
    <message>
        <source>Deleted on one side, edited on the other</source>
        <translation>Eliminado en un lado, modificado en el otro</translation>
    </message>
    <message>
        <source>Either way, both sides hold the same afterwards.</source>
        <translation>En ambos casos, los dos lados quedan iguales después.</translation>
    </message>
    <message>
        <source>Keep it &amp;deleted</source>
        <translation>Mantenerlo &amp;eliminado</translation>
    </message>
    <message>
        <source>Keep the &amp;edited record</source>
        <translation>Conservar el registro &amp;modificado</translation>
    </message>
</context>
<context>
    <name>SyncServerDialog</name>
    <message>
        <source>Synchronize with the team&apos;s server</source>
        <translation>Sincronizar con el servidor del equipo</translation>
    </message>
    <message>
        <source>Send the changes made in {local} to the team&apos;s server and receive theirs. First you see what will be sent and received; nothing is written before you agree.</source>
        <translation>Enviar los cambios hechos en {local} al servidor del equipo y recibir los suyos. Primero verá qué se enviará y recibirá; no se escribe nada hasta que lo acepte.</translation>
    </message>
    <message>
        <source>The server&apos;s PostgreSQL address: postgresql://user@host:port/database. Leave the password out: it is asked when the server wants it.</source>
        <translation>La dirección PostgreSQL del servidor: postgresql://usuario@host:puerto/base. No incluya la contraseña: se pide cuando el servidor la necesita.</translation>
    </message>
    <message>
        <source>&amp;Server address:</source>
        <translation>&amp;Dirección del servidor:</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Continuar</translation>
    </message>
    <message>
        <source>Not a server address: type it as {example}</source>
        <translation>No es una dirección de servidor: escríbala como {example}</translation>
    </message>
</context>
<context>
    <name>SyncStatusLabel</name>
    <message>
        <source>File › Synchronize… sends this database&apos;s changes to the team&apos;s server and receives theirs</source>
        <translation>Archivo › Sincronizar… envía los cambios de esta base de datos al servidor del equipo y recibe los suyos</translation>
    </message>
    <message>
        <source>Never synchronized</source>
        <translation>Nunca sincronizada</translation>
    </message>
    <message>
        <source>no changes to send</source>
        <translation>ningún cambio por enviar</translation>
    </message>
    <message>
        <source>1 change to send</source>
        <translation>1 cambio por enviar</translation>
    </message>
    <message>
        <source>{count} changes to send</source>
        <translation>{count} cambios por enviar</translation>
    </message>
    <message>
        <source>Last synchronized {when} with {server} · {changes}</source>
        <translation>Última sincronización {when} con {server} · {changes}</translation>
    </message>
</context>
<context>
    <name>SyncWords</name>
    <message>
        <source>Facilities</source>
        <translation>Instalaciones</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidentes</translation>
    </message>
    <message>
        <source>Directives</source>
        <translation>Directivas</translation>
    </message>
    <message>
        <source>Plan items</source>
        <translation>Elementos del plan</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Adjuntos</translation>
    </message>
    <message>
        <source>Timeline events</source>
        <translation>Eventos de la cronología</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Instalación</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Incidente</translation>
    </message>
    <message>
        <source>Directive</source>
        <translation>Directiva</translation>
    </message>
    <message>
        <source>Plan item</source>
        <translation>Elemento del plan</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>Adjunto</translation>
    </message>
    <message>
        <source>Timeline event</source>
        <translation>Evento de la cronología</translation>
    </message>
    <message>
        <source>Send: new</source>
        <translation>Enviar: nuevos</translation>
    </message>
    <message>
        <source>Send: changed</source>
        <translation>Enviar: modificados</translation>
    </message>
    <message>
        <source>Send: deleted</source>
        <translation>Enviar: eliminados</translation>
    </message>
    <message>
        <source>Receive: new</source>
        <translation>Recibir: nuevos</translation>
    </message>
    <message>
        <source>Receive: changed</source>
        <translation>Recibir: modificados</translation>
    </message>
    <message>
        <source>Receive: deleted</source>
        <translation>Recibir: eliminados</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflictos</translation>
    </message>
    <message>
        <source>Deleted here, edited on the server</source>
        <translation>Eliminado aquí, modificado en el servidor</translation>
    </message>
    <message>
        <source>Edited here, deleted on the server</source>
        <translation>Modificado aquí, eliminado en el servidor</translation>
    </message>
    <message>
        <source>Not chosen yet</source>
        <translation>Sin elegir todavía</translation>
    </message>
    <message>
        <source>Keep it deleted</source>
        <translation>Mantenerlo eliminado</translation>
    </message>
    <message>
        <source>Keep the edited record</source>
        <translation>Conservar el registro modificado</translation>
    </message>
    <message>
        <source>Mine: {fields}</source>
        <translation>Míos: {fields}</translation>
    </message>
    <message>
        <source>Theirs: {fields}</source>
        <translation>Del otro: {fields}</translation>
    </message>
    <message>
        <source>Sent: {new} new, {changed} changed, {deleted} deleted.</source>
        <translation>Enviados: {new} nuevos, {changed} modificados, {deleted} eliminados.</translation>
    </message>
    <message>
        <source>Received: {new} new, {changed} changed, {deleted} deleted.</source>
        <translation>Recibidos: {new} nuevos, {changed} modificados, {deleted} eliminados.</translation>
    </message>
    <message>
        <source>Conflicts resolved: {resolved}.</source>
        <translation>Conflictos resueltos: {resolved}.</translation>
    </message>
</context>
<context>
    <name>ThemeMenu</name>
    <message>
        <source>&amp;System</source>
        <translation>&amp;Sistema</translation>
    </message>
    <message>
        <source>Light or dark as the system is set</source>
        <translation>Claro u oscuro según la configuración del sistema</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Claro</translation>
    </message>
    <message>
        <source>Always light</source>
        <translation>Siempre claro</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Oscuro</translation>
    </message>
    <message>
        <source>Always dark</source>
        <translation>Siempre oscuro</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
</context>
<context>
    <name>TimelineEventDialog</name>
    <message>
        <source>e.g. 2019-08-31, 2019-08 (only the month), late August 2019, 2019-08-20 to 2019-08-31</source>
        <translation>p. ej. 2019-08-31, 2019-08 (solo el mes), 2019-08-20/2019-08-31</translation>
    </message>
    <message>
        <source>Edit timeline event</source>
        <translation>Editar evento de la cronología</translation>
    </message>
    <message>
        <source>Add timeline event</source>
        <translation>Añadir evento a la cronología</translation>
    </message>
    <message>
        <source>Event date</source>
        <translation>Fecha del evento</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué ocurrió</translation>
    </message>
    <message>
        <source>What happened: a call, a visit, a hearing… (Ctrl+Enter saves)</source>
        <translation>Qué ocurrió: una llamada, una visita, una vista… (Ctrl+Intro guarda)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>e.g. phone call with the FBI field office; court docket</source>
        <translation>p. ej. llamada con la oficina local del FBI; registro del juzgado</translation>
    </message>
    <message>
        <source>Problems of the event</source>
        <translation>Problemas del evento</translation>
    </message>
    <message>
        <source>Save the event (Enter, Ctrl+Enter)</source>
        <translation>Guardar el evento (Intro, Ctrl+Intro)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <source>&amp;What happened</source>
        <translation>&amp;Qué ocurrió</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation>&amp;Fuente</translation>
    </message>
    <message>
        <source>the date cannot be read: {error}</source>
        <translation>no se puede leer la fecha: {error}</translation>
    </message>
    <message>
        <source>Saving the timeline event</source>
        <translation>guardar el evento de la cronología</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>Save the incident first: its timeline starts once it is stored.</source>
        <translation>Guarde primero el incidente: su cronología empieza una vez guardado.</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>sensitive attachments&apos; names and descriptions and their custody</source>
        <translation>los nombres y descripciones de los adjuntos confidenciales y su custodia</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todo</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>Legal status</source>
        <translation>Estado jurídico</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Adjuntos</translation>
    </message>
    <message>
        <source>Custody</source>
        <translation>Custodia</translation>
    </message>
    <message>
        <source>Plan items</source>
        <translation>Elementos del plan</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Incidente</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Show timeline lines of kind</source>
        <translation>Mostrar las líneas de la cronología de la clase</translation>
    </message>
    <message>
        <source>Timeline of the incident</source>
        <translation>Cronología del incidente</translation>
    </message>
    <message>
        <source>Enter: edit the event; Insert: add an event; Delete: delete the event</source>
        <translation>Intro: editar el evento; Insert: añadir un evento; Supr: eliminar el evento</translation>
    </message>
    <message>
        <source>Add event…</source>
        <translation>Añadir evento…</translation>
    </message>
    <message>
        <source>Add a dated event: a call, a visit, a hearing (Insert in the list)</source>
        <translation>Añadir un evento con fecha: una llamada, una visita, una vista (Insert en la lista)</translation>
    </message>
    <message>
        <source>Edit event…</source>
        <translation>Editar evento…</translation>
    </message>
    <message>
        <source>Edit the selected event (Enter in the list)</source>
        <translation>Editar el evento seleccionado (Intro en la lista)</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>Eliminar evento</translation>
    </message>
    <message>
        <source>Delete the selected event (Delete in the list)</source>
        <translation>Eliminar el evento seleccionado (Supr en la lista)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Write the whole timeline to a CSV file</source>
        <translation>Escribir toda la cronología en un archivo CSV</translation>
    </message>
    <message>
        <source>Include {SENSITIVE_ITEMS} in the export</source>
        <translation>Incluir {SENSITIVE_ITEMS} en la exportación</translation>
    </message>
    <message>
        <source>Left out unless ticked; ticking asks first, and the audit trail records it</source>
        <translation>Se omiten salvo que se marque; al marcarlo se pregunta antes y el registro de auditoría lo anota</translation>
    </message>
    <message>
        <source>Timeline export result</source>
        <translation>Resultado de la exportación de la cronología</translation>
    </message>
    <message>
        <source>Timeline &amp;by kind</source>
        <translation>Cronología &amp;por clase</translation>
    </message>
    <message>
        <source>Reading the timeline</source>
        <translation>leer la cronología</translation>
    </message>
    <message>
        <source>Opening the timeline event</source>
        <translation>abrir el evento de la cronología</translation>
    </message>
    <message>
        <source>Deleting the timeline event</source>
        <translation>eliminar el evento de la cronología</translation>
    </message>
    <message>
        <source>{label}: {value}
It is deleted at once (the audit trail keeps a record of it).</source>
        <translation>{label}: {value}
Se elimina en el acto (el registro de auditoría lo conserva).</translation>
    </message>
    <message>
        <source>Delete event?</source>
        <translation>¿Eliminar el evento?</translation>
    </message>
    <message>
        <source>Delete this timeline event?</source>
        <translation>¿Eliminar este evento de la cronología?</translation>
    </message>
    <message>
        <source>&amp;Delete event</source>
        <translation>&amp;Eliminar evento</translation>
    </message>
    <message>
        <source>&amp;Keep event</source>
        <translation>&amp;Conservar evento</translation>
    </message>
    <message>
        <source>this CSV file</source>
        <translation>este archivo CSV</translation>
    </message>
    <message>
        <source>Export timeline as CSV</source>
        <translation>Exportar la cronología como CSV</translation>
    </message>
    <message>
        <source>Exporting the timeline</source>
        <translation>exportar la cronología</translation>
    </message>
    <message>
        <source>with sensitive items</source>
        <translation>con los elementos confidenciales</translation>
    </message>
    <message>
        <source>sensitive items withheld</source>
        <translation>sin los elementos confidenciales</translation>
    </message>
    <message>
        <source>, protected by a passphrase</source>
        <translation>, protegido con una frase de contraseña</translation>
    </message>
    <message numerus="yes">
        <source>%Ln line written to {written} ({which}{protected}).</source>
        <translation>
            <numerusform>%Ln línea escrita en {written} ({which}{protected}).</numerusform>
            <numerusform>%Ln líneas escritas en {written} ({which}{protected}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln lines written to {written} ({which}{protected}).</source>
        <translation>
            <numerusform>%Ln línea escrita en {written} ({which}{protected}).</numerusform>
            <numerusform>%Ln líneas escritas en {written} ({which}{protected}).</numerusform>
        </translation>
    </message>
    <message>
        <source>Timeline (events, legal status, attachments, custody, plan items)</source>
        <translation>Cronología (eventos, estado jurídico, adjuntos, custodia, elementos del plan)</translation>
    </message>
</context>
<context>
    <name>TypeChoices</name>
    <message>
        <source>First attack type</source>
        <translation>Primer tipo de ataque</translation>
    </message>
    <message>
        <source>Second attack type</source>
        <translation>Segundo tipo de ataque</translation>
    </message>
    <message>
        <source>Third attack type</source>
        <translation>Tercer tipo de ataque</translation>
    </message>
    <message>
        <source>First target type</source>
        <translation>Primer objetivo</translation>
    </message>
    <message>
        <source>Second target type</source>
        <translation>Segundo objetivo</translation>
    </message>
    <message>
        <source>Third target type</source>
        <translation>Tercer objetivo</translation>
    </message>
    <message>
        <source>Choose a second attack type first</source>
        <translation>Elija antes un segundo tipo de ataque</translation>
    </message>
    <message>
        <source>Choose a second target type first</source>
        <translation>Elija antes un segundo objetivo</translation>
    </message>
</context>
<context>
    <name>UpdateRecord</name>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
</context>
<context>
    <name>WeaponListEditor</name>
    <message>
        <source>subtype, e.g. rifle, handgun, Molotov cocktail</source>
        <translation>subtipo, p. ej. fusil, pistola, cóctel molotov</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Add this weapon to the list (Enter in the subtype field)</source>
        <translation>Añadir esta arma a la lista (Intro en el campo del subtipo)</translation>
    </message>
    <message>
        <source>Weapons</source>
        <translation>Armas</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove the selected weapons (Delete)</source>
        <translation>Quitar las armas seleccionadas (Supr)</translation>
    </message>
</context>
<context>
    <name>WindowAction</name>
    <message>
        <source>&amp;New database…</source>
        <translation>&amp;Nueva base de datos…</translation>
    </message>
    <message>
        <source>Create an empty database file and open it</source>
        <translation>Crear un archivo de base de datos vacío y abrirlo</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>&amp;Abrir base de datos…</translation>
    </message>
    <message>
        <source>Open another database file</source>
        <translation>Abrir otro archivo de base de datos</translation>
    </message>
    <message>
        <source>Open ser&amp;ver database…</source>
        <translation>Abrir base de datos de un ser&amp;vidor…</translation>
    </message>
    <message>
        <source>Work on a team&apos;s database on a PostgreSQL server</source>
        <translation>Trabajar en la base de datos de un equipo en un servidor PostgreSQL</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nuevo…</translation>
    </message>
    <message>
        <source>Add a record to the current tab (Ctrl+N)</source>
        <translation>Añadir un registro a la pestaña actual (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>Edit the selected record (Enter or double-click)</source>
        <translation>Editar el registro seleccionado (Intro o doble clic)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>E&amp;liminar…</translation>
    </message>
    <message>
        <source>Delete the selected record (Del)</source>
        <translation>Eliminar el registro seleccionado (Supr)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <source>Search the current tab (Ctrl+F)</source>
        <translation>Buscar en la pestaña actual (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Clear filters</source>
        <translation>&amp;Quitar filtros</translation>
    </message>
    <message>
        <source>Show all records of the current tab</source>
        <translation>Mostrar todos los registros de la pestaña actual</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidentes</translation>
    </message>
    <message>
        <source>Show the incidents tab</source>
        <translation>Mostrar la pestaña de incidentes</translation>
    </message>
    <message>
        <source>Facilities</source>
        <translation>Instalaciones</translation>
    </message>
    <message>
        <source>Show the facilities tab</source>
        <translation>Mostrar la pestaña de instalaciones</translation>
    </message>
    <message>
        <source>Plan items</source>
        <translation>Elementos del plan</translation>
    </message>
    <message>
        <source>Show the plan items tab</source>
        <translation>Mostrar la pestaña de elementos del plan</translation>
    </message>
    <message>
        <source>Directives</source>
        <translation>Directivas</translation>
    </message>
    <message>
        <source>Show the directives tab</source>
        <translation>Mostrar la pestaña de directivas</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Recargar</translation>
    </message>
    <message>
        <source>Read the records again from the database</source>
        <translation>Leer de nuevo los registros de la base de datos</translation>
    </message>
    <message>
        <source>Reset &amp;columns</source>
        <translation>Restablecer &amp;columnas</translation>
    </message>
    <message>
        <source>Default widths and order for the columns of this tab</source>
        <translation>Anchos y orden predeterminados para las columnas de esta pestaña</translation>
    </message>
    <message>
        <source>New &amp;incident…</source>
        <translation>Nuevo &amp;incidente…</translation>
    </message>
    <message>
        <source>New &amp;facility…</source>
        <translation>Nueva i&amp;nstalación…</translation>
    </message>
    <message>
        <source>New &amp;plan item…</source>
        <translation>Nuevo &amp;elemento del plan…</translation>
    </message>
    <message>
        <source>New &amp;directive…</source>
        <translation>Nueva &amp;directiva…</translation>
    </message>
    <message>
        <source>Incidents at this &amp;facility</source>
        <translation>Incidentes en esta &amp;instalación</translation>
    </message>
    <message>
        <source>Show the incidents at the selected facility</source>
        <translation>Mostrar los incidentes de la instalación seleccionada</translation>
    </message>
    <message>
        <source>Plan items for this i&amp;ncident</source>
        <translation>Elementos del plan para este i&amp;ncidente</translation>
    </message>
    <message>
        <source>Show the plan items linked to the selected incident</source>
        <translation>Mostrar los elementos del plan vinculados al incidente seleccionado</translation>
    </message>
    <message>
        <source>Plan items of this di&amp;rective</source>
        <translation>Elementos del plan de esta di&amp;rectiva</translation>
    </message>
    <message>
        <source>Show the plan items that carry out the selected directive</source>
        <translation>Mostrar los elementos del plan que ejecutan la directiva seleccionada</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guía del usuario</translation>
    </message>
    <message>
        <source>Open the user guide at the section for this tab (F1)</source>
        <translation>Abrir la guía del usuario en la sección de esta pestaña (F1)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>List every keyboard shortcut of the window</source>
        <translation>Listar todos los atajos de teclado de la ventana</translation>
    </message>
    <message>
        <source>&amp;About Incident Logger</source>
        <translation>&amp;Acerca de Incident Logger</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
</context>
<context>
    <name>WindowDialogs</name>
    <message>
        <source>Delete {noun}</source>
        <translation>Eliminar {noun}</translation>
    </message>
    <message>
        <source>Delete the {noun} “{display_name}”?</source>
        <translation>¿Eliminar {noun} «{display_name}»?</translation>
    </message>
    <message>
        <source>You can bring it back with Edit › Undo (Ctrl+Z).</source>
        <translation>Puede recuperarlo con Edición › Deshacer (Ctrl+Z).</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>New incident</source>
        <translation>Nuevo incidente</translation>
    </message>
    <message>
        <source>Every incident happens at a facility. Add the facility first?</source>
        <translation>Todo incidente ocurre en una instalación. ¿Añadir antes la instalación?</translation>
    </message>
    <message>
        <source>New facility…</source>
        <translation>Nueva instalación…</translation>
    </message>
    <message>
        <source>The {noun} “{display_name}” cannot be deleted.</source>
        <translation>No se puede eliminar {noun} «{display_name}».</translation>
    </message>
</context>
<context>
    <name>WindowTexts</name>
    <message>
        <source>&amp;New incident…</source>
        <translation>&amp;Nuevo incidente…</translation>
    </message>
    <message>
        <source>&amp;New facility…</source>
        <translation>&amp;Nueva instalación…</translation>
    </message>
    <message>
        <source>&amp;New plan item…</source>
        <translation>&amp;Nuevo elemento del plan…</translation>
    </message>
    <message>
        <source>&amp;New directive…</source>
        <translation>&amp;Nueva directiva…</translation>
    </message>
    <message>
        <source>Add an incident (Ctrl+N)</source>
        <translation>Añadir un incidente (Ctrl+N)</translation>
    </message>
    <message>
        <source>Add a facility (Ctrl+N)</source>
        <translation>Añadir una instalación (Ctrl+N)</translation>
    </message>
    <message>
        <source>Add a plan item (Ctrl+N)</source>
        <translation>Añadir un elemento del plan (Ctrl+N)</translation>
    </message>
    <message>
        <source>Add a directive (Ctrl+N)</source>
        <translation>Añadir una directiva (Ctrl+N)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln incident</source>
        <translation>
            <numerusform>%Ln incidente</numerusform>
            <numerusform>%Ln incidentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln facility</source>
        <translation>
            <numerusform>%Ln instalación</numerusform>
            <numerusform>%Ln instalaciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln plan item</source>
        <translation>
            <numerusform>%Ln elemento del plan</numerusform>
            <numerusform>%Ln elementos del plan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln directive</source>
        <translation>
            <numerusform>%Ln directiva</numerusform>
            <numerusform>%Ln directivas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln incidents</source>
        <translation>
            <numerusform>%Ln incidente</numerusform>
            <numerusform>%Ln incidentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln facilities</source>
        <translation>
            <numerusform>%Ln instalación</numerusform>
            <numerusform>%Ln instalaciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln plan items</source>
        <translation>
            <numerusform>%Ln elemento del plan</numerusform>
            <numerusform>%Ln elementos del plan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln directives</source>
        <translation>
            <numerusform>%Ln directiva</numerusform>
            <numerusform>%Ln directivas</numerusform>
        </translation>
    </message>
    <message>
        <source>{shown} of {total} shown</source>
        <translation>{shown} de {total} mostrados</translation>
    </message>
    <message>
        <source>counting… of {total}</source>
        <translation>contando… de {total}</translation>
    </message>
    <message>
        <source>There are no incidents yet.</source>
        <translation>Aún no hay incidentes.</translation>
    </message>
    <message>
        <source>There are no facilities yet.</source>
        <translation>Aún no hay instalaciones.</translation>
    </message>
    <message>
        <source>There are no plan items yet.</source>
        <translation>Aún no hay elementos del plan.</translation>
    </message>
    <message>
        <source>There are no directives yet.</source>
        <translation>Aún no hay directivas.</translation>
    </message>
    <message>
        <source>Edit incident[*]</source>
        <translation>Editar incidente[*]</translation>
    </message>
    <message>
        <source>Edit facility[*]</source>
        <translation>Editar instalación[*]</translation>
    </message>
    <message>
        <source>Edit plan item[*]</source>
        <translation>Editar elemento del plan[*]</translation>
    </message>
    <message>
        <source>Edit directive[*]</source>
        <translation>Editar directiva[*]</translation>
    </message>
    <message>
        <source>New incident[*]</source>
        <translation>Nuevo incidente[*]</translation>
    </message>
    <message>
        <source>New facility[*]</source>
        <translation>Nueva instalación[*]</translation>
    </message>
    <message>
        <source>New plan item[*]</source>
        <translation>Nuevo elemento del plan[*]</translation>
    </message>
    <message>
        <source>New directive[*]</source>
        <translation>Nueva directiva[*]</translation>
    </message>
</context>
<context>
    <name>_TypedDate</name>
    <message>
        <source>Type the date, e.g. {example}; Alt+Down opens a calendar.
The line under the field shows how it is read.</source>
        <translation>Escriba la fecha, p. ej. {example}; Alt+Abajo abre un calendario.
La línea bajo el campo muestra cómo se lee.</translation>
    </message>
    <message>
        <source>Pick a day from a calendar (Alt+Down in the field)</source>
        <translation>Elegir un día en un calendario (Alt+Abajo en el campo)</translation>
    </message>
    <message>
        <source>{name}: pick a day from a calendar</source>
        <translation>{name}: elegir un día en un calendario</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Set this date to today</source>
        <translation>Poner la fecha de hoy</translation>
    </message>
    <message>
        <source>{name}: today</source>
        <translation>{name}: hoy</translation>
    </message>
    <message>
        <source>{name} as read</source>
        <translation>{name} tal como se lee</translation>
    </message>
    <message>
        <source>{iso} or {local}</source>
        <translation>{iso} o {local}</translation>
    </message>
    <message>
        <source>{name}: calendar</source>
        <translation>{name}: calendario</translation>
    </message>
</context>
</TS>
