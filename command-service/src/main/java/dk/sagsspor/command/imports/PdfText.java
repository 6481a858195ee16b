package dk.sagsspor.command.imports;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text layer of a PDF, line by line in reading order (Apache PDFBox). */
final class PdfText {

    private PdfText() {}

    static String of(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setLineSeparator("\n");
            String text = stripper.getText(document);
            if (text.isBlank()) {
                throw new NotMinutes("The PDF has no text layer (a scan?): run it through OCR first.");
            }
            return text;
        } catch (InvalidPasswordException e) {
            throw new NotMinutes("The PDF is protected by a password.");
        } catch (IOException e) {
            throw new NotMinutes("Not a readable PDF: " + e.getMessage());
        }
    }
}
